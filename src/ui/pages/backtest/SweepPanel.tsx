/**
 * Parameter sweep: pick the parameters to vary and their ranges, see how many runs that makes
 * (capped), run them over the worker pool with overall progress and Cancel, then read the
 * results ranked by a chosen metric (SweepResults).
 */
import { createSignal, For, Show, type JSX } from 'solid-js';
import { MAX_SWEEP_COMBINATIONS } from '../../../backtest/sweep';
import type { NumericParamSpec, ParamSpec } from '../../../core/strategy/types';
import { formatNumber } from '../../format';
import type { BacktestForm } from '../../stores/createBacktestForm';
import { createSweepRunner } from '../../stores/createSweepRunner';
import { createSweepForm } from './createSweepForm';
import { RunProgress } from './RunProgress';
import { SweepResults } from './SweepResults';
import type { RawParams } from '../../../core/strategy/types';

function AxisRow(props: {
  name: string;
  spec: ParamSpec;
  sweep: ReturnType<typeof createSweepForm>;
}): JSX.Element {
  const input = () => props.sweep.axis(props.name);
  const id = (part: string) => `sweep-${props.name}-${part}`;
  const numeric = () =>
    props.spec.kind === 'boolean' || props.spec.kind === 'choice'
      ? undefined
      : (props.spec as NumericParamSpec);
  return (
    <tr>
      <th scope="row">
        <label class="checkbox-row">
          <input
            type="checkbox"
            checked={input().isVaried}
            onChange={(event) =>
              props.sweep.setAxis(props.name, { isVaried: event.currentTarget.checked })
            }
          />
          <span>Vary {props.spec.label}</span>
        </label>
      </th>
      <Show
        when={numeric()}
        fallback={
          <td colSpan={3} class="muted">
            Every value
          </td>
        }
      >
        {(spec) => (
          <For each={['min', 'max', 'step'] as const}>
            {(part) => (
              <td>
                <label class="visually-hidden" for={id(part)}>
                  {props.spec.label} {part === 'min' ? 'from' : part === 'max' ? 'to' : 'step'}
                </label>
                <input
                  id={id(part)}
                  type="number"
                  inputmode="decimal"
                  class="sweep-input"
                  min={spec().min}
                  max={spec().max}
                  step="any"
                  disabled={!input().isVaried}
                  value={input()[part]}
                  onInput={(event) =>
                    props.sweep.setAxis(props.name, { [part]: event.currentTarget.value })
                  }
                />
              </td>
            )}
          </For>
        )}
      </Show>
    </tr>
  );
}

export function SweepPanel(props: {
  form: BacktestForm;
  onOpen: (params: RawParams) => void;
}): JSX.Element {
  const strategy = () => props.form.strategy();
  const sweep = createSweepForm(strategy, () => props.form.params());
  const runner = createSweepRunner();
  const [hasTried, setTried] = createSignal(false);
  const [strategyId, setStrategyId] = createSignal('');
  const start = () => {
    setTried(true);
    const checked = props.form.check();
    const plan = sweep.plan();
    if (!checked.ok) {
      props.form.showErrors();
      return;
    }
    if (!plan.ok || plan.combinations.length === 0) return;
    setStrategyId(checked.config.strategyId);
    void runner.start(checked.config, plan.combinations, props.form.source()?.candleMs);
  };
  const planMessage = () => {
    const plan = sweep.plan();
    if (!plan.ok) return plan.errors.map((error) => error.message).join('. ');
    if (plan.combinations.length === 0)
      return 'The template rejects every combination (e.g. fast must be below slow).';
    return undefined;
  };
  return (
    <section class="card" aria-labelledby="sweep-heading">
      <h2 id="sweep-heading" class="section-title">
        Parameter sweep
      </h2>
      <p class="muted small">
        Runs every combination with the settings above over the worker pool (at most{' '}
        {MAX_SWEEP_COMBINATIONS} runs).
      </p>
      <div class="table-scroll" role="region" aria-label="Parameters to vary" tabindex="0">
        <table class="data-table sweep-table">
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Step</th>
            </tr>
          </thead>
          <tbody>
            <For each={Object.entries((strategy()?.params ?? {}) as Record<string, ParamSpec>)}>
              {([name, spec]) => <AxisRow name={name} spec={spec} sweep={sweep} />}
            </For>
          </tbody>
        </table>
      </div>
      <p role="status" class="small">
        Combinations: {formatNumber(sweep.size(), 0)}
        <Show when={sweep.plan().ok && (sweep.plan() as { skipped: number }).skipped > 0}>
          {` (${(sweep.plan() as { skipped: number }).skipped} rejected by the template are skipped)`}
        </Show>
      </p>
      <Show when={(hasTried() || sweep.size() > MAX_SWEEP_COMBINATIONS) && planMessage()}>
        {(message) => (
          <p class="field-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <div class="button-row">
        <button
          type="button"
          class="button button-primary"
          disabled={runner.status().kind === 'running'}
          onClick={start}
        >
          Run sweep
        </button>
      </div>
      <RunProgress
        label="Sweep"
        status={runner.status()}
        detail={`${runner.finished()} of ${runner.count()} runs`}
        onCancel={() => runner.cancel()}
      />
      <Show when={runner.rows().length > 0}>
        <SweepResults rows={runner.rows()} strategyId={strategyId()} onOpen={props.onOpen} />
      </Show>
    </section>
  );
}
