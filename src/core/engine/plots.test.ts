import { describe, expect, it } from 'vitest';
import { createPlotRecorder, MAX_PLOT_KEYS } from './plots';

describe('createPlotRecorder', () => {
  it("keeps one candle's finite values, by key, the last value winning", () => {
    const recorder = createPlotRecorder(true);
    recorder.begin();
    recorder.plot('upper', 101);
    recorder.plot('lower', 99);
    recorder.plot('upper', 102);
    recorder.plot('gap', undefined);
    recorder.plot('nan', Number.NaN);
    expect(recorder.take()).toEqual({ upper: 102, lower: 99 });
    recorder.begin();
    expect(recorder.take()).toBeUndefined();
  });

  it('ignores plots outside a candle (onFill) and everything when disabled (backtests)', () => {
    const recorder = createPlotRecorder(true);
    recorder.plot('late', 1);
    recorder.begin();
    expect(recorder.take()).toBeUndefined();
    recorder.plot('after', 2);
    recorder.begin();
    expect(recorder.take()).toBeUndefined();

    const off = createPlotRecorder(false);
    off.begin();
    off.plot('x', 1);
    expect(off.take()).toBeUndefined();
  });

  it('caps the number of series and the key length', () => {
    const recorder = createPlotRecorder(true);
    recorder.begin();
    for (let index = 0; index < MAX_PLOT_KEYS + 5; index++) recorder.plot(`k${index}`, index);
    recorder.plot('x'.repeat(41), 1);
    recorder.plot('', 1);
    const values = recorder.take() ?? {};
    expect(Object.keys(values)).toHaveLength(MAX_PLOT_KEYS);
    expect(values['k0']).toBe(0);
  });
});
