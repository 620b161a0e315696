/**
 * What a strategy plots on one candle (`ctx.plot(key, value)`), collected by the runtime and
 * stored with that candle's equity point, so charts draw the strategy's own indicator values:
 * computed on closed candles only, never with look-ahead. Capped, since custom strategies are
 * plain user code: at most MAX_PLOT_KEYS series of keys up to MAX_PLOT_KEY_LENGTH characters.
 * Pure.
 */

/** Series one candle may record; more are dropped (a chart shows a few lines, not dozens). */
export const MAX_PLOT_KEYS = 12;
export const MAX_PLOT_KEY_LENGTH = 40;

export type PlotValues = Record<string, number>;

export interface PlotRecorder {
  /** `ctx.plot`: kept only between `begin` and `take`, and only when recording is on. */
  plot(key: string, value: number | undefined): void;
  /** Starts a candle: the previous candle's values are forgotten. */
  begin(): void;
  /** Ends the candle: its values (undefined when none were plotted). */
  take(): PlotValues | undefined;
}

/** @param isEnabled false in backtests: `plot` then does nothing. */
export function createPlotRecorder(isEnabled: boolean): PlotRecorder {
  let current: PlotValues | undefined;
  let isOpen = false;
  return {
    plot(key, value) {
      if (!isEnabled || !isOpen) return;
      if (typeof key !== 'string' || key === '' || key.length > MAX_PLOT_KEY_LENGTH) return;
      if (typeof value !== 'number' || !Number.isFinite(value)) return;
      current ??= {};
      if (!(key in current) && Object.keys(current).length >= MAX_PLOT_KEYS) return;
      current[key] = value;
    },
    begin() {
      current = undefined;
      isOpen = true;
    },
    take() {
      isOpen = false;
      const values = current;
      current = undefined;
      return values;
    },
  };
}
