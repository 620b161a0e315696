/**
 * Account and portfolio circuit breakers in the host. Every bot snapshot (after each closed
 * candle and fill) updates that bot's equity; the monitor sums the equity of each account's bots
 * and of all bots, feeds the sums to `updateBreakers` (net of bots joining or leaving, so a new
 * bot's allocation is not a gain nor a deleted bot's a loss), and latches a trip until the user
 * resets it. A trip is persisted, written as a 'risk_trip' event on every affected bot, streamed
 * live and handed to the host to apply its action. The monitor also gives each runtime its entry
 * gate: tripped scopes refuse buys, exposure caps refuse or shrink them.
 */
import type { Bot } from '../core/bot/types';
import type { EntryGate } from '../core/engine/entryGate';
import type { RuntimeSnapshot } from '../core/engine/botRuntime';
import type { BotStore } from '../core/engine/store';
import { createSerialQueue } from '../core/engine/serialQueue';
import {
  updateBreakers,
  type BreakerConfig,
  type BreakerState,
  type BreakerTrip,
} from '../core/risk/breakers';
import type { Clock } from '../core/time';
import { createCoalescingWriter } from './coalescingWriter';
import type { LiveEvent } from './engineApi';
import { inScope, judgeEntry, type BotFigures, type GateView } from './riskGate';
import {
  accountScope,
  BREAKER_LABELS,
  PORTFOLIO_SCOPE,
  type RiskScope,
  type RiskSettings,
  type RiskStore,
  type RiskTrip,
  type ScopeBreakerState,
} from './riskSettings';

export interface RiskMonitorDeps {
  store: RiskStore;
  botStore: BotStore;
  clock: Clock;
  listBots: () => Promise<Bot[]>;
  accountName: (accountId: string) => Promise<string>;
  publish: (event: LiveEvent) => void;
  /** Applies a trip's action to its bots (halt: cancel open entries; stop: cancel and stop). */
  act: (trip: RiskTrip) => Promise<void>;
  report: (message: string) => void;
}

function shifted(state: BreakerState, delta: number): BreakerState {
  return {
    ...state,
    dayStartEquity: state.dayStartEquity + delta,
    peak: state.peak + delta,
    lastEquity: state.lastEquity + delta,
  };
}

function figuresOf(trip: BreakerTrip): Record<string, number> {
  const figures: Record<string, number> = {};
  for (const [key, value] of Object.entries(trip)) {
    if (typeof value === 'number' && key !== 'time') figures[key] = value;
  }
  return figures;
}

export function createRiskMonitor(deps: RiskMonitorDeps) {
  const queue = createSerialQueue();
  const figures = new Map<string, BotFigures>();
  /** Account names, for the moment between a trip and its persisted record. */
  const names = new Map<string, string>();
  let settings: RiskSettings = {
    portfolio: { breakers: {}, action: 'halt_entries' },
    accounts: {},
  };
  let trips: RiskTrip[] = [];
  let states: Record<RiskScope, ScopeBreakerState> = {};
  const stateWriter = createCoalescingWriter(
    (value: Record<RiskScope, ScopeBreakerState>) => deps.store.saveStates(value),
    (error) => deps.report(`Could not save the circuit breakers' state: ${String(error)}`),
  );

  const configOf = (scope: RiskScope): BreakerConfig | undefined =>
    scope === PORTFOLIO_SCOPE
      ? settings.portfolio.breakers
      : settings.accounts[scope.slice('account:'.length)]?.breakers;
  const actionOf = (scope: RiskScope) =>
    (scope === PORTFOLIO_SCOPE
      ? settings.portfolio
      : settings.accounts[scope.slice('account:'.length)]
    )?.action ?? 'halt_entries';
  const scopesOf = (accountId: string) => [accountScope(accountId), PORTFOLIO_SCOPE];

  const latch = async (scope: RiskScope, trip: BreakerTrip) => {
    const accountId = scope === PORTFOLIO_SCOPE ? undefined : scope.slice('account:'.length);
    const scopeName = accountId ? await deps.accountName(accountId) : 'Portfolio';
    const affected = (await deps.listBots()).filter(
      (bot) =>
        inScope(scope, bot.config.accountId) &&
        (bot.status === 'running' || bot.status === 'paused'),
    );
    const action = actionOf(scope);
    const latched: RiskTrip = {
      id: `trip-${scope}-${trip.kind}-${trip.time}`,
      scope,
      ...(accountId ? { accountId } : {}),
      scopeName,
      kind: trip.kind,
      time: trip.time,
      reason: trip.reason,
      figures: figuresOf(trip),
      action,
      botIds: affected.map((bot) => bot.id),
    };
    trips = [...trips.filter((each) => each.scope !== scope), latched];
    await deps.store.saveTrips(trips);
    const doing =
      action === 'stop_bots'
        ? 'Open orders are canceled and the bot is stopped (positions are kept).'
        : 'New entries are halted until the trip is reset; protective exits and sells still work.';
    for (const bot of affected) {
      await deps.botStore.appendEvent({
        botId: bot.id,
        time: deps.clock.now(),
        type: 'risk_trip',
        message: `${scopeName} ${BREAKER_LABELS[trip.kind]} breaker tripped. ${trip.reason} ${doing}`,
        data: { tripId: latched.id, scope, kind: trip.kind, action, ...latched.figures },
      });
    }
    deps.publish({ type: 'risk', trip: latched });
    // Not awaited: the action runs as a host command, which may itself wait for this queue.
    void deps.act(latched).catch((error: unknown) => deps.report(String(error)));
  };

  /** Feeds one scope's new total; returns the breakers it trips. */
  const sample = (scope: RiskScope, bot: Bot, equity: number, time: number) => {
    const entry: ScopeBreakerState = states[scope] ?? { members: {} };
    const joined = entry.members[bot.id] === undefined;
    const members = { ...entry.members, [bot.id]: equity };
    let state = entry.state;
    // A bot joining brings its capital: it moves the baselines, it is not a gain.
    if (state && joined) state = shifted(state, equity);
    const total = Object.values(members).reduce((sum, value) => sum + value, 0);
    const config = configOf(scope) ?? {};
    const at = Math.max(time, state?.lastTime ?? -Infinity);
    const next = updateBreakers(state, { time: at, equity: total }, config);
    states = { ...states, [scope]: { state: next.state, members } };
    return trips.some((trip) => trip.scope === scope) ? [] : next.trips;
  };

  const view: GateView = {
    get trips() {
      return trips;
    },
    configOf,
    figures,
    members: (scope) => states[scope]?.members ?? {},
  };
  const gateFor =
    (bot: Bot): EntryGate =>
    (order) =>
      judgeEntry(bot, order, view);

  return {
    async load() {
      settings = await deps.store.settings();
      trips = await deps.store.trips();
      states = await deps.store.states();
    },

    /** A bot's runtime reported a snapshot: update equity, evaluate its scopes. */
    onSnapshot(bot: Bot, snapshot: RuntimeSnapshot) {
      if (!(snapshot.price > 0) || !Number.isFinite(snapshot.time)) return;
      const accountId = bot.config.accountId;
      if (!names.has(accountId)) {
        names.set(accountId, accountId);
        void deps.accountName(accountId).then(
          (name) => names.set(accountId, name),
          () => undefined,
        );
      }
      figures.set(bot.id, {
        accountId: bot.config.accountId,
        equity: snapshot.equity,
        exposure: Math.abs(snapshot.ledger.position * snapshot.price),
      });
      const found: [RiskScope, BreakerTrip][] = [];
      for (const scope of scopesOf(bot.config.accountId)) {
        for (const trip of sample(scope, bot, snapshot.equity, snapshot.time))
          found.push([scope, trip]);
      }
      stateWriter.write(states);
      // Latched at once in memory (the first of each scope), persisted and applied in order.
      for (const [scope, trip] of found) {
        if (trips.some((each) => each.scope === scope)) continue;
        trips = [
          ...trips,
          {
            id: 'pending',
            scope,
            scopeName:
              scope === PORTFOLIO_SCOPE ? 'Portfolio' : (names.get(accountId) ?? accountId),
            kind: trip.kind,
            time: trip.time,
            reason: trip.reason,
            figures: {},
            action: actionOf(scope),
            botIds: [],
          },
        ];
        void queue
          .run(() => latch(scope, trip))
          .catch((error: unknown) => deps.report(String(error)));
      }
    },

    /** A deleted bot leaves every scope: its capital goes with it (not a loss). */
    forgetBot(botId: string) {
      figures.delete(botId);
      const next: Record<RiskScope, ScopeBreakerState> = {};
      for (const [scope, entry] of Object.entries(states)) {
        const equity = entry.members[botId];
        const { [botId]: _gone, ...members } = entry.members;
        next[scope] = {
          members,
          ...(entry.state
            ? { state: equity === undefined ? entry.state : shifted(entry.state, -equity) }
            : {}),
        };
      }
      states = next;
      stateWriter.write(states);
    },

    gateFor,
    settings: () => settings,
    async saveSettings(value: RiskSettings) {
      await deps.store.saveSettings(value);
      settings = value;
    },
    trips: () => trips.filter((trip) => trip.id !== 'pending'),

    async reset(tripId: string) {
      await queue.idle();
      const trip = trips.find((each) => each.id === tripId);
      if (!trip) throw new Error(`Risk trip "${tripId}" is not active (it may already be reset).`);
      trips = trips.filter((each) => each.id !== tripId);
      // The breakers start afresh from the next sample: a new day start and a new peak.
      const entry = states[trip.scope];
      if (entry) states = { ...states, [trip.scope]: { members: entry.members } };
      await deps.store.saveTrips(trips);
      await deps.store.saveStates(states);
      for (const botId of trip.botIds) {
        await deps.botStore.appendEvent({
          botId,
          time: deps.clock.now(),
          type: 'risk_trip',
          message: `${trip.scopeName} ${BREAKER_LABELS[trip.kind]} breaker reset by the user: new entries are allowed again.`,
          data: { tripId: trip.id, scope: trip.scope, kind: trip.kind, reset: true },
        });
      }
      deps.publish({ type: 'risk', trip: { ...trip, botIds: [] } });
      return trip;
    },

    async idle() {
      await queue.idle();
    },
    async flush() {
      await queue.idle();
      await stateWriter.flush();
    },
  };
}

export type RiskMonitor = ReturnType<typeof createRiskMonitor>;
