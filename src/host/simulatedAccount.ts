/**
 * One running simulated exchange account in the host: the simulator built from the account's
 * settings and saved state, its shared market-data hub, its markets, and the persistence of the
 * simulator's state after every change (coalesced). Fills and order updates are handed to the
 * router the host provides, which sends each to the bot that owns its client order id.
 */
import type { ExchangeOrder, ExchangeTrade } from '../core/orders/types';
import type { Market } from '../core/market/types';
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

export interface AccountRouter {
  onTrade(trade: ExchangeTrade): void;
  onOrder(order: ExchangeOrder): void;
}

export interface OpenAccount {
  accountId: string;
  settings: SimulatedAccount;
  exchange: SimulatedExchange;
  hub: MarketHub;
  markets: Record<string, Market>;
  /** Stops the replay, unsubscribes, and waits until the latest state is stored. */
  close(): Promise<void>;
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
  return {
    accountId: settings.id,
    settings,
    exchange,
    hub: createMarketHub(exchange),
    markets,
    async close() {
      exchange.stop();
      unsubscribeTrades();
      unsubscribeOrders();
      await writer.flush();
    },
  };
}
