/**
 * A bot's performance analytics for its page (max drawdown, Sharpe, win rate, trades, profit
 * factor…): the metrics of its Report, built by the same code (loadBotReport → buildRunReport
 * → summarizePerformance) over every equity point and fill it recorded, never a second copy
 * of the formulas. Reading a month of 1-minute points is not free, so it is rebuilt when the
 * bot fills (the trigger) and every PERIODIC_MS while the tab is visible, at most once per
 * MIN_INTERVAL_MS, and never twice at a time.
 */
import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type { ReportMetrics } from '../../backtest/runReport';
import { configCodec } from '../configCodec';
import { db } from '../db';
import { loadBotReport } from './botReport';
import { messageOf } from './createCommandRunner';

/** Drawdown and Sharpe move with every candle; twice a minute keeps them fresh enough. */
const PERIODIC_MS = 30_000;
/** A 600× replay fills many times a second: one rebuild per 5 s is plenty to read. */
const MIN_INTERVAL_MS = 5_000;

export interface BotAnalytics {
  /** The Report's metrics; undefined until first built (or when the bot is gone). */
  metrics: Accessor<ReportMetrics | undefined>;
  /** Whether the first build is still running. */
  isLoading: Accessor<boolean>;
  error: Accessor<string | undefined>;
}

/** @param trigger read reactively; every change (e.g. the ledger's fill count) asks for a rebuild. */
export function createBotAnalytics(botId: string, trigger: Accessor<unknown>): BotAnalytics {
  const [metrics, setMetrics] = createSignal<ReportMetrics>();
  const [isLoading, setLoading] = createSignal(true);
  const [error, setError] = createSignal<string>();
  let isRunning = false;
  let isWanted = false;
  let lastStart = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let isDisposed = false;

  const build = (): void => {
    if (isDisposed) return;
    if (isRunning) {
      isWanted = true;
      return;
    }
    const wait = lastStart + MIN_INTERVAL_MS - Date.now();
    if (wait > 0) {
      timer ??= setTimeout(() => {
        timer = undefined;
        build();
      }, wait);
      return;
    }
    isRunning = true;
    lastStart = Date.now();
    loadBotReport(db, botId, configCodec)
      .then((loaded) => {
        setMetrics(loaded?.report.metrics);
        setError(undefined);
      })
      .catch((cause: unknown) => setError(messageOf(cause)))
      .finally(() => {
        isRunning = false;
        setLoading(false);
        if (isWanted) {
          isWanted = false;
          build();
        }
      });
  };

  createEffect(on(trigger, build));
  const periodic = setInterval(() => {
    if (!document.hidden) build();
  }, PERIODIC_MS);
  onCleanup(() => {
    isDisposed = true;
    clearInterval(periodic);
    if (timer) clearTimeout(timer);
  });
  return { metrics, isLoading, error };
}
