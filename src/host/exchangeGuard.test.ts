import { describe, expect, it } from 'vitest';
import { ExchangeError } from '../core/exchangePort';
import { createManualClock } from '../core/time';
import { createSimulatedExchange } from '../exchange/simulated';
import { committedSamples } from '../exchange/simulated/testSupport';
import { classifyFailure, describeFatal, guardExchange } from './exchangeGuard';

describe('exchange failures', () => {
  it('classifies failures by what the host must do', () => {
    expect(classifyFailure(new ExchangeError('auth', 'Invalid API-key'))).toBe('auth');
    expect(classifyFailure(new ExchangeError('rate_limited', '429'))).toBe('transient');
    expect(classifyFailure(new ExchangeError('network', 'timeout'))).toBe('transient');
    expect(classifyFailure(new ExchangeError('exchange_unavailable', '503'))).toBe('transient');
    expect(
      classifyFailure(new ExchangeError('network', "Your browser blocked Binance's API (CORS).")),
    ).toBe('cors');
    expect(classifyFailure(new ExchangeError('invalid_order', 'too small'))).toBe('other');
    expect(classifyFailure(new Error('boom'))).toBe('other');
  });

  it('says what to fix: the key, or the CORS proxy setting', () => {
    expect(describeFatal(new ExchangeError('auth', 'Invalid API-key.'), 'Main')).toBe(
      "API key rejected: Invalid API-key. Check the account's API key, secret and permissions (Accounts → Main).",
    );
    expect(describeFatal(new ExchangeError('network', 'Blocked (CORS)'), 'Main')).toBe(
      "The browser refused the exchange's answer: Blocked (CORS). Set a CORS proxy URL on the account (run npm run cors-proxy). (Accounts → Main → CORS proxy URL)",
    );
    expect(
      describeFatal(
        new ExchangeError('network', "Blocked (CORS). Set this account's CORS proxy URL."),
        'Main',
      ),
    ).toBe(
      "The browser refused the exchange's answer: Blocked (CORS). Set this account's CORS proxy URL. (Accounts → Main → CORS proxy URL)",
    );
  });

  it('retries reads through transient failures, reports fatal ones once per call, never retries orders', async () => {
    const clock = createManualClock(Date.UTC(2026, 0, 1));
    const faults: ExchangeError[] = [];
    const exchange = createSimulatedExchange({
      samples: committedSamples(),
      clock,
      timers: clock,
      speed: 600,
      balances: { USDT: 1_000 },
      faults: { failNext: () => faults.shift() },
    });
    const fatal: string[] = [];
    const guarded = guardExchange(exchange, {
      timers: clock,
      accountName: 'Main',
      onFatal: (message) => fatal.push(message),
    });
    faults.push(new ExchangeError('rate_limited', '429'), new ExchangeError('network', 'reset'));
    const balance = guarded.fetchBalance();
    for (let step = 0; step < 10; step++) {
      clock.advance(1_000);
      await Promise.resolve();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await balance).USDT?.total).toBe(1_000);
    faults.push(new ExchangeError('auth', 'Invalid API-key'));
    await expect(guarded.fetchBalance()).rejects.toThrow('Invalid API-key');
    faults.push(new ExchangeError('network', 'reset'));
    await expect(
      guarded.createOrder({
        symbol: 'BTC/USDT',
        type: 'market',
        side: 'buy',
        amount: 0.001,
        clientOrderId: 'x',
      }),
    ).rejects.toThrow('reset');
    expect(fatal).toEqual([expect.stringMatching(/^API key rejected: Invalid API-key/)]);
    expect(guarded.exchangeId).toBe('simulated');
  });
});
