/**
 * Binance's market streams over WebSocket (`/ws`, `/ws/<anything>`, `/ws/<stream>` and
 * `/stream?streams=a/b`): SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS requests answered with
 * `{ "result": null, "id": … }`, then `<symbol>@kline_<interval>`, `<symbol>@ticker`,
 * `<symbol>@miniTicker` (ccxt's watchTicker default) and `<symbol>@bookTicker` events pushed on every `push()` (the server calls it a few times a
 * second) when something changed. Combined-stream connections wrap events as { stream, data }.
 */
import type { WebSocket } from 'ws';
import type { Candle } from '../../src/core/market/candle';
import { bookTickerEvent, klineEvent, tickerEvent } from './format';

/** Binance's 24hrMiniTicker: the 24hrTicker without bid/ask and change fields. */
function miniTicker(event: ReturnType<typeof tickerEvent>) {
  const { E, s, c, o, h, l, v, q } = event;
  return { e: '24hrMiniTicker', E, s, c, o, h, l, v, q };
}
import type { MarketModel } from './market';
import { dayStats, intervalMs, klines } from './marketData';
import type { Engine } from './orders';
import type { SimSymbol } from './symbols';

interface Subscription {
  stream: string;
  symbol: SimSymbol;
  kind: 'kline' | 'ticker' | 'miniTicker' | 'bookTicker';
  interval?: string;
  /** Open time of the last kline bucket sent. */
  lastBucket?: number;
  lastSent?: string;
}

interface StreamClient {
  socket: WebSocket;
  combined: boolean;
  subscriptions: Map<string, Subscription>;
}

export interface MarketStreams {
  connect(socket: WebSocket, path: string, query: URLSearchParams): void;
  push(): void;
  clientCount(): number;
  /** Drops every stream connection at once (a network fault); returns how many. */
  dropAll(): number;
}

export function createMarketStreams(deps: {
  market: MarketModel;
  engine: Engine;
  symbols: readonly SimSymbol[];
}): MarketStreams {
  const clients = new Set<StreamClient>();
  const byId = new Map(deps.symbols.map((symbol) => [symbol.id.toLowerCase(), symbol]));
  let updateId = 1;

  const parseStream = (stream: string): Subscription | undefined => {
    const [id, channel] = stream.split('@');
    const symbol = byId.get((id ?? '').toLowerCase());
    if (!symbol || !channel) return undefined;
    if (channel === 'ticker' || channel === 'miniTicker' || channel === 'bookTicker') {
      return { stream, symbol, kind: channel };
    }
    if (channel.startsWith('kline_')) {
      const interval = channel.slice('kline_'.length);
      try {
        intervalMs(interval);
      } catch {
        return undefined;
      }
      return { stream, symbol, kind: 'kline', interval };
    }
    return undefined;
  };

  const send = (client: StreamClient, stream: string, data: unknown) => {
    if (client.socket.readyState !== client.socket.OPEN) return;
    client.socket.send(JSON.stringify(client.combined ? { stream, data } : data));
  };

  const pushKlines = (client: StreamClient, sub: Subscription, now: number) => {
    const length = intervalMs(sub.interval);
    const since = sub.lastBucket ?? Math.floor(now / length) * length;
    const candles: Candle[] = klines(deps.market, sub.symbol, {
      length,
      startTime: since,
      limit: 1000,
    });
    for (const candle of candles) {
      const closed = candle.time + length <= now;
      const event = klineEvent(
        sub.symbol,
        sub.interval as string,
        candle,
        length,
        Math.floor(now),
        closed,
      );
      const text = JSON.stringify(event.k);
      if (candle.time === sub.lastBucket && text === sub.lastSent && !closed) continue;
      send(client, sub.stream, event);
      sub.lastSent = text;
    }
    const last = candles[candles.length - 1];
    if (last) sub.lastBucket = last.time;
  };

  const pushOne = (client: StreamClient, sub: Subscription) => {
    const now = deps.market.time();
    if (sub.kind === 'kline') return pushKlines(client, sub, now);
    if (sub.kind === 'ticker' || sub.kind === 'miniTicker') {
      const day = dayStats(deps.market, deps.engine, sub.symbol);
      if (String(day.last) === sub.lastSent) return;
      sub.lastSent = String(day.last);
      const event = tickerEvent(sub.symbol, day, Math.floor(now));
      return send(client, sub.stream, sub.kind === 'ticker' ? event : miniTicker(event));
    }
    const { bid, ask } = deps.engine.touch(sub.symbol);
    const key = `${bid}/${ask}`;
    if (key === sub.lastSent) return;
    sub.lastSent = key;
    send(client, sub.stream, bookTickerEvent(sub.symbol, bid, ask, updateId++));
  };

  const subscribe = (client: StreamClient, streams: string[]): boolean => {
    const parsed = streams.map(parseStream);
    if (parsed.some((sub) => sub === undefined)) return false;
    for (const sub of parsed as Subscription[]) {
      client.subscriptions.set(sub.stream, sub);
      pushOne(client, sub);
    }
    return true;
  };

  const onMessage = (client: StreamClient, text: string) => {
    let message: { method?: unknown; params?: unknown; id?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return client.socket.send(
        JSON.stringify({
          error: { code: 3, msg: 'Invalid JSON: expected value at line 1 column 1' },
        }),
      );
    }
    const id = message.id ?? null;
    const params = Array.isArray(message.params) ? message.params.map(String) : [];
    const reply = (body: object) => client.socket.send(JSON.stringify({ ...body, id }));
    switch (message.method) {
      case 'SUBSCRIBE':
        // The answer goes out before the first events, as Binance's does.
        if (!params.every((stream) => parseStream(stream))) {
          return reply({ error: { code: 2, msg: 'Invalid request: unknown stream' } });
        }
        reply({ result: null });
        subscribe(client, params);
        return;
      case 'UNSUBSCRIBE':
        params.forEach((stream) => client.subscriptions.delete(stream));
        return reply({ result: null });
      case 'LIST_SUBSCRIPTIONS':
        return reply({ result: [...client.subscriptions.keys()] });
      default:
        return reply({ error: { code: 2, msg: 'Invalid request: unknown method' } });
    }
  };

  return {
    connect(socket, path, query) {
      const combined = path === '/stream';
      const client: StreamClient = { socket, combined, subscriptions: new Map() };
      clients.add(client);
      socket.on('close', () => clients.delete(client));
      socket.on('message', (data) => onMessage(client, String(data)));
      const initial = combined
        ? (query.get('streams') ?? '').split('/').filter(Boolean)
        : path.slice('/ws/'.length).includes('@')
          ? [path.slice('/ws/'.length)]
          : [];
      if (initial.length > 0 && !subscribe(client, initial)) socket.close(1008, 'Invalid stream');
    },
    push() {
      for (const client of clients) {
        for (const sub of client.subscriptions.values()) pushOne(client, sub);
      }
    },
    clientCount: () => clients.size,
    dropAll() {
      const count = clients.size;
      for (const client of clients) client.socket.terminate();
      clients.clear();
      return count;
    },
  };
}
