/**
 * One bot's page data: the bot, its ledger, open orders, fills, timeline and equity curve from
 * IndexedDB (live queries), its chart candles from the engine (recent history, then streamed
 * 'candle' events), and its performance valued at the best known price.
 */
import { Dexie } from 'dexie';
import { createMemo, createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Bot, BotEvent, EquityPoint } from '../../core/bot/types';
import type { Candle } from '../../core/market/candle';
import type { OrderRecord } from '../../core/orders/journal';
import type { Ledger } from '../../core/portfolio/types';
import { decodeBot, OPEN_ORDER_STATES, type FillRow } from '../../db';
import type { LiveEvent } from '../../host/engineApi';
import { configCodec } from '../configCodec';
import type { EngineConnection } from '../connectionTypes';
import { db } from '../db';
import {
  createDecodedLiveQuery,
  createLiveList,
  createLiveQuery,
  type LiveQuery,
} from '../liveQuery';
import { computeBotMetrics, type BotMetrics } from './botMetrics';
import type { LiveStore } from './createLiveStore';
import { appendCandle } from './candles';
import { messageOf } from './createCommandRunner';

/** Candles fetched for the chart when the page opens. */
const INITIAL_CANDLES = 300;
/** Candles kept on the chart as new ones stream in (~8 hours of 1m candles). */
const MAX_CANDLES = 500;
const MAX_FILLS = 500;
const MAX_EVENTS = 200;
const MAX_EQUITY_POINTS = 1000;

export interface BotDetailStore {
  bot: LiveQuery<Bot | undefined>;
  ledger: LiveQuery<Ledger | undefined>;
  openOrders: LiveQuery<readonly OrderRecord[]>;
  /** Newest first. */
  fills: LiveQuery<readonly FillRow[]>;
  /** Newest first. */
  events: LiveQuery<readonly BotEvent[]>;
  /** Oldest first. */
  equity: LiveQuery<readonly EquityPoint[]>;
  /** Oldest first. */
  candles: Accessor<readonly Candle[]>;
  candlesError: Accessor<string | undefined>;
  price: Accessor<number | undefined>;
  metrics: Accessor<BotMetrics>;
}

function botRange(botId: string): [[string, number], [string, unknown]] {
  return [
    [botId, Dexie.minKey],
    [botId, Dexie.maxKey],
  ];
}

export function createBotDetailStore(
  botId: string,
  connection: EngineConnection,
  live: LiveStore,
): BotDetailStore {
  const [lower, upper] = botRange(botId);
  const bot = createDecodedLiveQuery(
    () => db.bots.get(botId),
    undefined,
    async (row) => row && decodeBot(configCodec, row),
  );
  const ledger = createLiveQuery(() => db.ledgers.get(botId).then((row) => row?.ledger), undefined);
  const openOrders = createLiveList(
    () =>
      db.orders
        .where('[botId+state]')
        .anyOf(OPEN_ORDER_STATES.map((state) => [botId, state]))
        .toArray()
        .then((orders) => orders.sort((a, b) => b.createdAt - a.createdAt)),
    'clientOrderId',
  );
  const fills = createLiveList(
    () => db.fills.where('[botId+time]').between(lower, upper).reverse().limit(MAX_FILLS).toArray(),
    'tradeId',
  );
  const events = createLiveList(
    () =>
      db.events.where('[botId+seq]').between(lower, upper).reverse().limit(MAX_EVENTS).toArray(),
    'seq',
  );
  const equity = createLiveQuery<readonly EquityPoint[]>(
    () =>
      db.equity
        .where('[botId+time]')
        .between(lower, upper)
        .reverse()
        .limit(MAX_EQUITY_POINTS)
        .toArray()
        .then((points) => points.reverse()),
    [],
  );

  const [candles, setCandles] = createSignal<readonly Candle[]>([]);
  const [candlesError, setCandlesError] = createSignal<string>();
  // Candles that stream in while the history loads are merged after it, so none is lost.
  let streamed: Candle[] | undefined = [];
  const onLive = (event: LiveEvent): void => {
    if (event.type !== 'candle' || event.botId !== botId) return;
    if (streamed) streamed.push(event.candle);
    else setCandles((current) => appendCandle(current, event.candle, MAX_CANDLES));
  };
  onCleanup(connection.onLive(onLive));
  connection.api
    .getCandles(botId, INITIAL_CANDLES)
    .then((result) => {
      let merged: readonly Candle[] = result.ok ? result.value.slice(-MAX_CANDLES) : [];
      if (!result.ok) setCandlesError(result.error);
      for (const candle of streamed ?? []) merged = appendCandle(merged, candle, MAX_CANDLES);
      streamed = undefined;
      setCandles(merged);
    })
    .catch((cause: unknown) => {
      streamed = undefined;
      setCandlesError(messageOf(cause));
    });

  const price = createMemo<number | undefined>(() => {
    const current = bot();
    if (!current) return undefined;
    const points = equity();
    const lastCandle = candles()[candles().length - 1];
    return (
      live.priceOf(current.config.symbol)?.price ??
      live.botOf(botId)?.price ??
      lastCandle?.close ??
      points[points.length - 1]?.price
    );
  });
  const metrics = createMemo(() =>
    computeBotMetrics(ledger(), bot()?.config.allocation ?? 0, price()),
  );

  return { bot, ledger, openOrders, fills, events, equity, candles, candlesError, price, metrics };
}
