import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleUpdateChecks, UPDATE_CHECK_INTERVAL_MS } from './updateChecks';

/** A registration as the browser gives it: counts update() calls, can be installing or fail. */
function fakeRegistration(options: { fails?: boolean } = {}) {
  return {
    installing: null as unknown,
    updates: 0,
    update(): Promise<unknown> {
      this.updates += 1;
      return options.fails ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve();
    },
  };
}

describe('scheduleUpdateChecks', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('asks for an update once an hour, not at once, until stopped', () => {
    const registration = fakeRegistration();
    const stop = scheduleUpdateChecks(registration, { isOnline: () => true });
    expect(registration.updates).toBe(0);
    vi.advanceTimersByTime(UPDATE_CHECK_INTERVAL_MS - 1);
    expect(registration.updates).toBe(0);
    vi.advanceTimersByTime(1);
    expect(registration.updates).toBe(1);
    vi.advanceTimersByTime(2 * UPDATE_CHECK_INTERVAL_MS);
    expect(registration.updates).toBe(3);
    stop();
    vi.advanceTimersByTime(5 * UPDATE_CHECK_INTERVAL_MS);
    expect(registration.updates).toBe(3);
  });

  it('skips a check while offline or while a new worker is already installing', () => {
    const registration = fakeRegistration();
    let online = false;
    scheduleUpdateChecks(registration, { intervalMs: 1000, isOnline: () => online });
    vi.advanceTimersByTime(3000);
    expect(registration.updates).toBe(0);
    online = true;
    registration.installing = {};
    vi.advanceTimersByTime(1000);
    expect(registration.updates).toBe(0);
    registration.installing = null;
    vi.advanceTimersByTime(1000);
    expect(registration.updates).toBe(1);
  });

  it('a failed check is reported and the next one still runs', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const registration = fakeRegistration({ fails: true });
    scheduleUpdateChecks(registration, { intervalMs: 1000, isOnline: () => true });
    await vi.advanceTimersByTimeAsync(1000);
    expect(warn).toHaveBeenCalledWith('Checking for a new version failed', expect.any(TypeError));
    await vi.advanceTimersByTimeAsync(1000);
    expect(registration.updates).toBe(2);
  });
});
