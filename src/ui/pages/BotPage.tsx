/**
 * One bot: its identity and status, controls, config actions (edit, clone, export),
 * performance, price and equity charts, and the open orders, fills, event timeline and config
 * version tables. Durable data is live from IndexedDB; prices
 * and candles stream from the engine.
 */
import { createMemo, Match, Show, Switch, type JSX } from 'solid-js';
import type { Bot } from '../../core/bot/types';
import { findStrategy, strategyName } from '../catalog';
import { EquityChart } from '../charts/EquityChart';
import { chartPlots, indicatorSpecs, type ChartPlot } from '../charts/chartOverlays';
import { IndicatorPane } from '../charts/IndicatorPane';
import { PriceChart } from '../charts/PriceChart';
import { ModeBadge } from '../components/ModeBadge';
import { StatusIndicator } from '../components/StatusIndicator';
import { useEngine, useLive } from '../EngineProvider';
import { usePageTitle } from '../pageTitle';
import { href } from '../router';
import { splitSymbol } from '../stores/botMetrics';
import { createBotAnalytics } from '../stores/createBotAnalytics';
import { createBotDetailStore, type BotDetailStore } from '../stores/createBotDetailStore';
import { createPositionLevels } from '../stores/createPositionLevels';
import { stepsOf, useMarkets } from '../stores/marketCatalog';
import { BotConfigActions } from './BotConfigActions';
import { BotControls } from './BotControls';
import { EventTimeline } from './EventTimeline';
import { FillsTable } from './FillsTable';
import { OrdersTable } from './OrdersTable';
import { PerformanceStrip } from './PerformanceStrip';
import { VersionHistory } from './VersionHistory';

function BotHeader(props: { bot: Bot }): JSX.Element {
  return (
    <header class="bot-header">
      <h1 tabindex="-1">{props.bot.config.name}</h1>
      <div class="bot-meta">
        <p role="status" data-testid="bot-status" class="bot-status">
          <StatusIndicator status={props.bot.status} prefix />
        </p>
        <ModeBadge mode={props.bot.config.mode} />
        <span>{props.bot.config.symbol}</span>
        <span>
          {strategyName(props.bot.config.strategyId)} · {props.bot.config.timeframe}
        </span>
        <span>Config v{props.bot.configVersion}</span>
      </div>
      <Show when={props.bot.statusNote}>
        {(note) => (
          <p class="notice" role="status">
            {note()}: live bots trade with API keys that only the unlocked vault can open. It
            resumes by itself once the vault is unlocked.
          </p>
        )}
      </Show>
      <Show when={props.bot.status === 'error' && props.bot.statusReason}>
        <p class="form-error" role="alert">
          {props.bot.statusReason}
        </p>
      </Show>
    </header>
  );
}

/** The series the bot's strategy plots: its template's declared ones, then any found in points. */
function createBotPlots(bot: () => Bot, store: BotDetailStore) {
  const declared = createMemo(() => {
    const template = findStrategy(bot().config.strategyId);
    try {
      return template?.plots?.(bot().config.params) ?? [];
    } catch {
      return [];
    }
  });
  const plots = createMemo(() => chartPlots(declared(), store.equity()));
  // Re-keys the charts only when the series change (a new config, a custom strategy's key).
  const key = createMemo(
    () => `${bot().configVersion}|${plots().map((plot) => `${plot.pane}:${plot.key}`)}`,
  );
  const inPane = (pane: ChartPlot['pane']) => plots().filter((plot) => plot.pane === pane);
  return { key, inPane };
}

function BotDetails(props: { bot: Bot; store: BotDetailStore }): JSX.Element {
  const pair = (): { base: string; quote: string } => splitSymbol(props.bot.config.symbol);
  const markets = useMarkets();
  const steps = () =>
    stepsOf(markets.marketOf(props.bot.config.accountId, props.bot.config.symbol));
  const levels = createPositionLevels(
    props.bot.id,
    () => props.bot,
    () => props.store.metrics(),
    () => props.store.candles().at(-1)?.time ?? 0,
  );
  const plots = createBotPlots(() => props.bot, props.store);
  const analytics = createBotAnalytics(props.bot.id, () => props.store.ledger()?.tradeCount);
  return (
    <>
      <BotHeader bot={props.bot} />
      <BotControls bot={props.bot} />
      <BotConfigActions bot={props.bot} />
      <PerformanceStrip
        metrics={props.store.metrics()}
        analytics={analytics}
        base={pair().base}
        quote={pair().quote}
        steps={steps()}
      />
      <p>
        <a class="button" href={href(`/bots/${encodeURIComponent(props.bot.id)}/report`)}>
          Report
        </a>
      </p>
      <div class="chart-grid">
        <section class="card chart-card" aria-labelledby="price-heading">
          <h2 id="price-heading" class="section-title">
            Price
          </h2>
          <Show when={props.store.candlesError()}>
            {(message) => <p class="field-error">Could not load the candles: {message()}</p>}
          </Show>
          {/* Keyed by config version and plotted series: either may change what is drawn. */}
          <Show when={plots.key()} keyed>
            <PriceChart
              symbol={props.bot.config.symbol}
              candles={props.store.candles()}
              fills={props.store.fills()}
              indicators={indicatorSpecs(props.bot.config.strategyId, props.bot.config.params)}
              plots={plots.inPane('price')}
              plotPoints={props.store.equity()}
              levels={levels()}
              priceStep={steps().price}
            />
            <Show when={plots.inPane('lower').length > 0}>
              <IndicatorPane
                plots={plots.inPane('lower')}
                candles={props.store.candles()}
                plotPoints={props.store.equity()}
              />
            </Show>
          </Show>
        </section>
        <section class="card chart-card" aria-labelledby="equity-heading">
          <h2 id="equity-heading" class="section-title">
            Equity
          </h2>
          <EquityChart points={props.store.equity()} quote={pair().quote} />
        </section>
      </div>
      <OrdersTable orders={props.store.openOrders()} base={pair().base} steps={steps()} />
      <FillsTable fills={props.store.fills()} base={pair().base} steps={steps()} />
      <EventTimeline events={props.store.events()} />
      <VersionHistory botId={props.bot.id} />
    </>
  );
}

export function BotPage(props: { botId: string }): JSX.Element {
  const store = createBotDetailStore(props.botId, useEngine(), useLive());
  usePageTitle(() => store.bot()?.config.name ?? 'Bot');
  return (
    <section class="page">
      <p class="breadcrumb">
        <a href={href('/')}>← All bots</a>
      </p>
      <Switch>
        <Match when={!store.bot.loaded()}>
          <p class="loading">Loading the bot…</p>
        </Match>
        <Match when={store.bot()}>{(bot) => <BotDetails bot={bot()} store={store} />}</Match>
        <Match when={!store.bot()}>
          <h1 tabindex="-1">Bot not found</h1>
          <p>
            There is no bot with id <code>{props.botId}</code> in this browser. It may have been
            deleted.
          </p>
          <p>
            <a class="button button-primary" href={href('/')}>
              Go to the dashboard
            </a>
          </p>
        </Match>
      </Switch>
    </section>
  );
}
