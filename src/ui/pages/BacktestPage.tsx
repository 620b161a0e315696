/**
 * The Backtest page (#/backtest): settings, Run backtest (one job on the worker pool, with
 * progress and Cancel), the Report view of the result, a parameter sweep, and the saved runs
 * with comparison. "Create bot from this result" opens the creation form prefilled.
 */
import { createEffect, createResource, createSignal, Show, type JSX } from 'solid-js';
import type { RawParams } from '../../core/strategy/types';
import { createBotFromResult } from '../createBotFromResult';
import { usePageTitle } from '../pageTitle';
import { ReportView, fileStem } from '../report/ReportView';
import { listBacktestSources } from '../stores/backtestData';
import { createBacktestForm } from '../stores/createBacktestForm';
import { createBacktestRunner, type BacktestResultView } from '../stores/createBacktestRunner';
import { messageOf } from '../stores/createCommandRunner';
import { BacktestForm } from './backtest/BacktestForm';
import { RunProgress } from './backtest/RunProgress';
import { SavedRuns, type SavedRun } from './backtest/SavedRuns';
import { SweepPanel } from './backtest/SweepPanel';
import './backtest/backtest.css';

function ResultSection(props: { result: BacktestResultView }): JSX.Element {
  const [error, setError] = createSignal<string>();
  const config = () => props.result.config;
  return (
    <section class="backtest-result" aria-labelledby="result-heading">
      <h2 id="result-heading" class="section-title" tabindex="-1">
        Report: {props.result.report.title}
      </h2>
      <p class="muted small">
        {config().sourceLabel}, {new Date(config().from).toISOString().slice(0, 10)} to{' '}
        {new Date(config().to - 1).toISOString().slice(0, 10)} · cash {config().cash} · fees{' '}
        {config().makerFee * 100}% / {config().takerFee * 100}% · slippage {config().slippageBps}{' '}
        bps
        {config().closeAtEnd ? ' · open position closed at the end' : ''}
      </p>
      <div class="button-row">
        <button
          type="button"
          class="button button-primary"
          onClick={() =>
            void createBotFromResult(config().strategyId, config().params).catch((cause: unknown) =>
              setError(messageOf(cause)),
            )
          }
        >
          Create bot from this result
        </button>
      </div>
      <Show when={error()}>
        <p class="field-error" role="alert">
          {error()}
        </p>
      </Show>
      <ReportView report={props.result.report} fileBase={fileStem(props.result.report.title)} />
    </section>
  );
}

export function BacktestPage(): JSX.Element {
  usePageTitle(() => 'Backtest');
  const [sources] = createResource(() => listBacktestSources());
  const form = createBacktestForm(() => sources() ?? []);
  const runner = createBacktestRunner();
  const [opened, setOpened] = createSignal<BacktestResultView>();
  createEffect(() => {
    const first = sources()?.[0];
    if (first && form.values.sourceId === '') form.setSource(first);
  });
  createEffect(() => {
    if (runner.result()) setOpened(runner.result());
  });
  const run = () => {
    form.showErrors();
    const checked = form.check();
    if (checked.ok) void runner.run(checked.config);
  };
  const openParams = (params: RawParams) => {
    form.setParams(params);
    run();
  };
  const openSaved = (saved: SavedRun) => {
    setOpened({ config: saved.config, report: saved.report, savedId: saved.id });
    requestAnimationFrame(() => document.getElementById('result-heading')?.focus());
  };
  return (
    <section class="page backtest-page">
      <h1 tabindex="-1">Backtest</h1>
      <p class="muted">
        Test a template on history through the same engine as live bots, tune its parameters with a
        sweep, and compare saved runs.
      </p>
      <Show when={sources.error}>
        <p class="field-error" role="alert">
          Could not load the data sources: {messageOf(sources.error)}
        </p>
      </Show>
      <form
        class="card"
        aria-label="Backtest settings"
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          run();
        }}
      >
        <BacktestForm form={form} sources={sources() ?? []} />
        <div class="button-row">
          <button
            type="submit"
            class="button button-primary"
            disabled={runner.status().kind === 'running'}
          >
            Run backtest
          </button>
        </div>
        <RunProgress label="Backtest" status={runner.status()} onCancel={() => runner.cancel()} />
      </form>
      <Show when={opened()} keyed>
        {(result) => <ResultSection result={result} />}
      </Show>
      <SweepPanel form={form} onOpen={openParams} />
      <SavedRuns onOpen={openSaved} />
    </section>
  );
}
