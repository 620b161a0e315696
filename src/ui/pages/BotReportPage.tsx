/**
 * A bot's Report (#/bots/<id>/report): the same Report view as a backtest's, built from the
 * bot's own recorded equity and fills (src/ui/stores/botReport.ts), with a Refresh button
 * since a running bot keeps adding to them.
 */
import { createResource, Match, Switch, type JSX } from 'solid-js';
import { configCodec } from '../configCodec';
import { db } from '../db';
import { usePageTitle } from '../pageTitle';
import { ReportView, fileStem } from '../report/ReportView';
import { href } from '../router';
import { loadBotReport } from '../stores/botReport';
import { messageOf } from '../stores/createCommandRunner';
import { stepsOf, useMarkets } from '../stores/marketCatalog';

export function BotReportPage(props: { botId: string }): JSX.Element {
  const [loaded, { refetch }] = createResource(() => loadBotReport(db, props.botId, configCodec));
  usePageTitle(() => `Report: ${loaded()?.bot.config.name ?? 'Bot'}`);
  const markets = useMarkets();
  return (
    <section class="page">
      <p class="breadcrumb">
        <a href={href(`/bots/${encodeURIComponent(props.botId)}`)}>← Back to the bot</a>
      </p>
      <Switch>
        <Match when={loaded.error}>
          <h1 tabindex="-1">Report</h1>
          <p class="field-error" role="alert">
            Could not build the report: {messageOf(loaded.error)}
          </p>
        </Match>
        <Match when={loaded.loading && !loaded.latest}>
          <p class="loading">Loading the report…</p>
        </Match>
        <Match when={loaded()}>
          {(current) => (
            <>
              <h1 tabindex="-1">Report: {current().bot.config.name}</h1>
              <div class="button-row">
                <button type="button" class="button" onClick={() => void refetch()}>
                  Refresh
                </button>
              </div>
              <ReportView
                report={current().report}
                fileBase={fileStem(current().bot.config.name)}
                steps={stepsOf(
                  markets.marketOf(current().bot.config.accountId, current().bot.config.symbol),
                )}
              />
            </>
          )}
        </Match>
        <Match when={!loaded()}>
          <h1 tabindex="-1">Bot not found</h1>
          <p>
            There is no bot with id <code>{props.botId}</code> in this browser.
          </p>
        </Match>
      </Switch>
    </section>
  );
}
