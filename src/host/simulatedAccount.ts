/**
 * One running simulated exchange account in the host (a venue): the simulator built from the
 * account's settings and saved state, its shared market-data hub, its markets, and the
 * persistence of the simulator's state after every change (coalesced). Fills and order updates are handed to the
 * router the host provides, which sends each to the bot that owns its client order id.
 */
import type { Candle } from '../core/market/candle';
import type { Clock, Timers } from '../core/time';
import type { SimulatedAccount, SimStateRepository } from '../db';
import { createMarketHub, type MarketHub } from '../exchange/marketHub';
import {
  createSimulatedExchange,
  type SimulatedExchange,
  type SimulatorState,
} from '../exchange/simulated';
import { createCoalescingWriter } from './coalescingWriter';
import type { AccountRouter, Venue } from './venue';

export type { AccountRouter } from './venue';

export interface OpenAccount extends Venue {
  readonly mode: 'simulated';
  settings: SimulatedAccount;
  exchange: SimulatedExchange;
  hub: MarketHub;
}

export interface OpenAccountDeps {
  samples: Record<string, Candle[]>;
  clock: Clock;
  timers: Timers;
  simStates: SimStateRepository;
  router: AccountRouter;
  /** See SimulatedExchangeOptions.liquidityShare. */
  liquidityShare?: number;
  reportError: (message: string) => void;
  /** Called once per symbol the account follows (every market of the simulator). */
  onFollow?: (symbol: string, hub: MarketHub) => void;
}

export async function openSimulatedAccount(
  settings: SimulatedAccount,
  deps: OpenAccountDeps,
): Promise<OpenAccount> {
  const saved = (await deps.simStates.loadSimState(settings.id)) as SimulatorState | undefined;
  const writer = createCoalescingWriter<SimulatorState>(
    (state) => deps.simStates.saveSimState(settings.id, state),
    (error) => deps.reportError(`Could not save the simulated market: ${String(error)}`),
  );
  const exchange = createSimulatedExchange({
    samples: deps.samples,
    clock: deps.clock,
    timers: deps.timers,
    speed: settings.speed,
    makerFee: settings.makerFee,
    takerFee: settings.takerFee,
    slippageBps: settings.slippageBps,
    liquidityShare: deps.liquidityShare,
    balances: settings.startingBalances,
    state: saved,
    onStateChange: (state) => writer.write(state),
  });
  const unsubscribeTrades = exchange.watchMyTrades((trade) => deps.router.onTrade(trade));
  const unsubscribeOrders = exchange.watchOrders((order) => deps.router.onOrder(order));
  const markets = await exchange.loadMarkets();
  exchange.start();
  const hub = createMarketHub(exchange);
  for (const symbol of Object.keys(markets)) deps.onFollow?.(symbol, hub);
  return {
    key: settings.id,
    accountId: settings.id,
    mode: 'simulated',
    name: settings.name,
    settings,
    exchange,
    hub,
    markets,
    // The simulator replays every market anyway, and their ticks are followed from the start.
    follow: async () => undefined,
    async close() {
      exchange.stop();
      unsubscribeTrades();
      unsubscribeOrders();
      await writer.flush();
    },
  };
}
