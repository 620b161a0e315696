/**
 * A template's one-week preview, computed in the preview worker on demand: the request
 * (createTemplatePreview, started by the card's "Preview" button) and its display — a loading
 * line, the error (role=alert), or a small equity chart with four figures.
 */
import { createResource, createSignal, Match, Switch, type JSX, type Resource } from 'solid-js';
import type { TemplatePreview as Preview } from '../../backtest/preview';
import { announce } from '../announcer';
import { PreviewChart } from '../charts/PreviewChart';
import { formatPercent, trend } from '../format';
import { requestPreview } from '../previewClient';
import { messageOf } from '../stores/createCommandRunner';

export interface TemplatePreviewState {
  result: Resource<Preview>;
  /** Computes the preview (again, after a failure). */
  start(): void;
}

export function createTemplatePreview(strategyId: string, name: string): TemplatePreviewState {
  const [isRequested, setRequested] = createSignal(false);
  const [result, { refetch }] = createResource(
    () => isRequested() || undefined,
    async () => {
      const preview = await requestPreview(strategyId);
      announce(`${name} preview ready.`);
      return preview;
    },
  );
  return {
    result,
    start: () => (isRequested() ? void refetch() : setRequested(true)),
  };
}

function Figures(props: { preview: Preview }): JSX.Element {
  const ratio = (percent: number): number => percent / 100;
  return (
    <dl class="stat-strip">
      <div class="stat">
        <dt>Return</dt>
        <dd class="pnl" data-trend={trend(props.preview.totalReturnPct)}>
          {formatPercent(ratio(props.preview.totalReturnPct))}
        </dd>
      </div>
      <div class="stat">
        <dt>Max drawdown</dt>
        <dd>{formatPercent(ratio(-props.preview.maxDrawdownPct))}</dd>
      </div>
      <div class="stat">
        <dt>Trades</dt>
        <dd>{props.preview.trades}</dd>
      </div>
      <div class="stat">
        <dt>Buy and hold</dt>
        <dd class="pnl" data-trend={trend(props.preview.buyAndHoldPct)}>
          {formatPercent(ratio(props.preview.buyAndHoldPct))}
        </dd>
      </div>
    </dl>
  );
}

export function TemplatePreview(props: { state: TemplatePreviewState; name: string }): JSX.Element {
  // The state is created once per card and never replaced.
  const result = props.state.result;
  return (
    <Switch>
      <Match when={result.loading}>
        <p class="loading" role="status">
          Computing preview…
        </p>
      </Match>
      <Match when={result.error !== undefined}>
        <p class="form-error" role="alert">
          The preview could not be computed: {messageOf(result.error)}
        </p>
      </Match>
      <Match when={result.state === 'ready' && result()}>
        {(preview) => (
          <figure class="template-preview">
            <PreviewChart points={preview().points} quote="USDT" title={`${props.name} preview`} />
            <Figures preview={preview()} />
            <figcaption class="muted small">
              First week of the built-in BTC/USDT sample (1-minute candles, March 2023) on the
              simulator: default parameters, 10,000 USDT, fees included. Past results do not predict
              future ones.
            </figcaption>
          </figure>
        )}
      </Match>
    </Switch>
  );
}
