/** Retries on injected timers: what is retried, how long it waits, and where it stops. */
import { describe, expect, it } from 'vitest';
import { ExchangeError } from '../../core/exchangePort';
import { ccxt } from '../../../scripts/sim-exchange/testSupport';
import { NETWORK_ATTEMPTS, RATE_LIMIT_ATTEMPTS, retryAfterMs, withRetries } from './retry';
import type { RetryContext } from './retry';
import { recordingTimers } from './testSupport';

const NOW = 1_700_000_000_000;

function context(headers?: Record<string, string>): RetryContext & { delays: number[] } {
  const timers = recordingTimers(0);
  return {
    clock: { now: () => NOW },
    timers,
    secrets: [],
    lastHeaders: () => headers,
    delays: timers.delays,
  };
}

/** A call failing with `errors` in turn, then answering 'done'; counts its calls. */
function failing(...errors: Error[]) {
  let calls = 0;
  return {
    calls: () => calls,
    call: async () => {
      const error = errors[calls++];
      if (error) throw error;
      return 'done';
    },
  };
}

describe('retryAfterMs', () => {
  it('reads the WebSocket API’s retryAfter, a ban’s end, and REST’s Retry-After header', () => {
    const ctx = context({ 'retry-after': '3' });
    expect(
      retryAfterMs(new Error(`binance {"code":-1003,"data":{"retryAfter":${NOW + 1_500}}}`), ctx),
    ).toBe(1_500);
    expect(
      retryAfterMs(
        new Error(`binance 418 I'm a Teapot {"msg":"IP banned until ${NOW + 60_000}."}`),
        ctx,
      ),
    ).toBe(60_000);
    expect(retryAfterMs(new Error('binance 429 Too Many Requests {}'), ctx)).toBe(3_000);
    // Headers belong to REST answers: a WebSocket error does not read them.
    expect(retryAfterMs(new Error('binance {"code":-1003}'), ctx)).toBeUndefined();
  });
});

describe('withRetries', () => {
  it('retries network failures with backoff, then gives up as network', async () => {
    const ctx = context();
    const flaky = failing(new ccxt.NetworkError('down'), new ccxt.RequestTimeout('slow'));
    expect(await withRetries(flaky.call, ctx)).toBe('done');
    expect(ctx.delays).toEqual([500, 1_000]);
    const dead = failing(...Array.from({ length: 10 }, () => new ccxt.NetworkError('down')));
    await expect(withRetries(dead.call, ctx)).rejects.toMatchObject({ kind: 'network' });
    expect(dead.calls()).toBe(NETWORK_ATTEMPTS);
  });

  it('waits out rate limits a bounded number of times', async () => {
    const ctx = context({ 'Retry-After': '2' });
    const limited = failing(
      ...Array.from({ length: 10 }, () => new ccxt.DDoSProtection('binance 429 Too Many Requests')),
    );
    await expect(withRetries(limited.call, ctx)).rejects.toMatchObject({ kind: 'rate_limited' });
    expect(limited.calls()).toBe(RATE_LIMIT_ATTEMPTS);
    expect(ctx.delays).toEqual([2_000, 2_000, 2_000]);
  });

  it('does not retry refusals, and lets hooks end a retry', async () => {
    const refused = failing(new ccxt.InsufficientFunds('binance -2010'));
    await expect(withRetries(refused.call, context())).rejects.toBeInstanceOf(ExchangeError);
    expect(refused.calls()).toBe(1);
    const lost = failing(new ccxt.NetworkError('dropped'));
    expect(await withRetries(lost.call, context(), { beforeResend: async () => 'found' })).toBe(
      'found',
    );
    expect(lost.calls()).toBe(1);
    const duplicate = failing(
      new ccxt.NetworkError('dropped'),
      new ccxt.InvalidOrder('Duplicate order sent.'),
    );
    expect(await withRetries(duplicate.call, context(), { recover: async () => 'adopted' })).toBe(
      'adopted',
    );
  });
});
