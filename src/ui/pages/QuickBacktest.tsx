/**
 * The review step's optional quick backtest: the bot's template, parameters, timeframe and risk
 * rules run over the first week of the built-in BTC/USDT sample in the preview worker, with a
 * progress bar, then return, max drawdown, fills, buy-and-hold and a small equity curve.
 * Custom strategies run only in their own sandbox, so they have no quick backtest here.
 */
import { createSignal, Match, Show, Switch, type JSX } from 'solid-js';
import type { TemplatePreview } from '../../backtest/preview';
import type { BotConfig } from '../../core/bot/types';
import { announce } from '../announcer';
import { PreviewChart } from '../charts/PreviewChart';
import { formatPercent, trend } from '../format';
import { requestQuickBacktest } from '../previewClient';
import { messageOf } from '../stores/createCommandRunner';

type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: number }
  | { kind: 'done'; result: TemplatePreview }
  | { kind: 'failed'; error: string };

function Figures(props: { result: TemplatePreview }): JSX.Element {
  const ratio = (percent: number): number => percent / 100;
  return (
    <dl class="stat-strip">
      <div class="stat">
        <dt>Return</dt>
        <dd class="pnl" data-trend={trend(props.result.totalReturnPct)}>
          {formatPercent(ratio(props.result.totalReturnPct))}
        </dd>
      </div>
      <div class="stat">
        <dt>Max drawdown</dt>
        <dd>{formatPercent(ratio(-props.result.maxDrawdownPct))}</dd>
      </div>
      <div class="stat">
        <dt>Fills</dt>
        <dd>{props.result.trades}</dd>
      </div>
      <div class="stat">
        <dt>Buy and hold</dt>
        <dd class="pnl" data-trend={trend(props.result.buyAndHoldPct)}>
          {formatPercent(ratio(props.result.buyAndHoldPct))}
        </dd>
      </div>
    </dl>
  );
}

export function QuickBacktest(props: { config: () => BotConfig; isCustom: boolean }): JSX.Element {
  const [state, setState] = createSignal<RunState>({ kind: 'idle' });
  let run = 0;
  const start = (): void => {
    const config = props.config();
    const id = ++run;
    setState({ kind: 'running', progress: 0 });
    requestQuickBacktest(
      {
        strategyId: config.strategyId,
        params: config.params,
        timeframe: config.timeframe,
        ...(config.risk ? { risk: config.risk } : {}),
      },
      (progress) => {
        // Progress comes over its own message port, so a last report can arrive after the
        // result: it must not turn a finished run back into a running one.
        if (id === run && state().kind === 'running') setState({ kind: 'running', progress });
      },
    )
      .then((result) => {
        if (id !== run) return;
        setState({ kind: 'done', result });
        announce('Quick backtest finished.');
      })
      .catch((cause: unknown) => {
        if (id === run) setState({ kind: 'failed', error: messageOf(cause) });
      });
  };
  const current = state;
  return (
    <section class="card quick-backtest" aria-labelledby="quick-backtest-heading">
      <h3 id="quick-backtest-heading" class="section-title">
        Quick backtest
      </h3>
      <Show
        when={!props.isCustom}
        fallback={
          <p class="muted">
            Custom strategies run only in their own sandbox; use the Backtest page for them.
          </p>
        }
      >
        <p class="field-help">
          One week of the built-in BTC/USDT sample (1-minute candles, March 2023), 10,000 USDT, with
          these parameters and risk rules, fees included. Past results do not predict future ones.
        </p>
        <Switch>
          <Match when={current().kind === 'running' && current()}>
            {(running) => (
              <div role="status">
                <label for="quick-backtest-progress">Running the quick backtest…</label>
                <progress
                  id="quick-backtest-progress"
                  max="1"
                  value={(running() as { progress: number }).progress}
                />
              </div>
            )}
          </Match>
          <Match when={current().kind === 'failed' && current()}>
            {(failed) => (
              <p class="form-error" role="alert">
                The quick backtest failed: {(failed() as { error: string }).error}
              </p>
            )}
          </Match>
          <Match when={current().kind === 'done' && current()}>
            {(done) => {
              const result = (): TemplatePreview => (done() as { result: TemplatePreview }).result;
              return (
                <figure class="template-preview" aria-label="Quick backtest result">
                  <PreviewChart
                    points={result().points}
                    quote="USDT"
                    title="Quick backtest equity"
                  />
                  <Figures result={result()} />
                </figure>
              );
            }}
          </Match>
        </Switch>
        <p>
          <button
            type="button"
            class="button"
            aria-disabled={current().kind === 'running' ? 'true' : undefined}
            onClick={() => current().kind !== 'running' && start()}
          >
            {current().kind === 'idle' ? 'Run quick backtest' : 'Run again'}
          </button>
        </p>
      </Show>
    </section>
  );
}
