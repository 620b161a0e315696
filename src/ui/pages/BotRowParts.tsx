/**
 * The facts a dashboard row and a bot card share: PnL (absolute and %) with the equity
 * sparkline, the open position, and the last action with its relative time (absolute time in
 * the user's time zone on hover and in the datetime attribute).
 */
import { createMemo, Show, type Accessor, type JSX } from 'solid-js';
import type { Bot } from '../../core/bot/types';
import { Sparkline } from '../components/Sparkline';
import {
  formatAmount,
  formatDateTime,
  formatPercent,
  formatPrice,
  formatSignedAmount,
  isoTime,
} from '../format';
import { formatRelativeTime } from '../relativeTime';
import { whileVisible } from '../visibility';
import type { MarketSteps } from '../stores/marketCatalog';
import { isOpenPosition } from '../stores/todayPnl';
import type { BotMetrics } from '../stores/botMetrics';
import { splitSymbol } from '../stores/botMetrics';
import type { BotListView } from '../stores/createBotListView';
import type { BotsStore, LastAction } from '../stores/createBotsStore';
import type { Sparklines } from '../stores/createSparklines';

/** What a row or card needs besides its bot. */
export interface BotListParts {
  store: BotsStore;
  view: BotListView;
  sparklines: Sparklines;
  now: Accessor<number>;
}

/**
 * A row's or card's live facts, followed only while `isVisible` (whileVisible): off screen
 * they keep their last values, so live updates — and "3 min. ago" moving on every 15 s for
 * every bot at once — re-render only the rows and cards in view.
 */
export function createVisibleFacts(
  props: BotListParts & { bot: Bot },
  isVisible: Accessor<boolean>,
) {
  return {
    metrics: createMemo(whileVisible(isVisible, () => props.store.metricsOf(props.bot))),
    price: createMemo(whileVisible(isVisible, () => props.store.priceOf(props.bot))),
    lastAction: createMemo(whileVisible(isVisible, () => props.store.lastActionOf(props.bot))),
    now: createMemo(whileVisible(isVisible, () => props.now())),
  };
}

export function PnlFigures(props: {
  bot: Bot;
  metrics: BotMetrics;
  sparklines: Sparklines;
  /** Whether the row or card is on screen (its sparkline is only redrawn then). */
  isVisible: Accessor<boolean>;
}): JSX.Element {
  const quote = (): string => splitSymbol(props.bot.config.symbol).quote;
  return (
    <span class="pnl-figures">
      <span>
        {formatSignedAmount(props.metrics.pnl, quote())}
        <span class="cell-sub">{formatPercent(props.metrics.pnlRatio)}</span>
      </span>
      <Sparkline points={props.sparklines.pointsOf(props.bot.id)} isVisible={props.isVisible} />
    </span>
  );
}

/**
 * "0.01234 BTC @ 42,010.00" at the market's precision, or "Flat" with no position (dust below
 * one amount step is flat, as the engine and the Open positions count see it).
 */
export function PositionText(props: {
  bot: Bot;
  metrics: BotMetrics;
  steps: MarketSteps;
}): JSX.Element {
  return (
    <Show
      when={isOpenPosition(props.metrics.position, props.steps.amount)}
      fallback={<span class="muted">Flat</span>}
    >
      {formatAmount(
        props.metrics.position,
        splitSymbol(props.bot.config.symbol).base,
        props.steps.amount,
      )}
      <span class="cell-sub">@ {formatPrice(props.metrics.averageEntry, props.steps.price)}</span>
    </Show>
  );
}

export function LastActionText(props: { action: LastAction; now: Accessor<number> }): JSX.Element {
  return (
    <span class="last-action">
      <span class="last-action-message" title={props.action.message}>
        {props.action.message}
      </span>
      <time
        class="cell-sub"
        datetime={isoTime(props.action.time)}
        title={formatDateTime(props.action.time)}
      >
        {formatRelativeTime(props.action.time, props.now())}
      </time>
    </span>
  );
}
