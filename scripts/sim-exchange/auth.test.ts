/**
 * Unit: Binance request signing as the simulator checks it, from first principles (HMAC-SHA256
 * over the query string followed by the body; WebSocket API params sorted by name), and the
 * timestamp / recvWindow rules with Binance's error codes.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyRestRequest, verifyWsParams } from './auth';
import { BinanceError } from './errors';

const credentials = { apiKey: 'key-1', secret: 'secret-1' };
const sign = (payload: string) => createHmac('sha256', 'secret-1').update(payload).digest('hex');
const NOW = 1_700_000_000_000;

const codeOf = (call: () => unknown): number | undefined => {
  try {
    call();
  } catch (error) {
    if (error instanceof BinanceError) return error.code;
    throw error;
  }
  return undefined;
};

describe('REST signatures', () => {
  it('accepts a signature over query + body and returns the merged params', () => {
    const query = `symbol=BTCUSDT&timestamp=${NOW}`;
    const body = 'side=BUY&quantity=0.001';
    const params = verifyRestRequest(
      { apiKey: 'key-1', query, body: `${body}&signature=${sign(query + body)}` },
      credentials,
      NOW,
    );
    expect(params).toEqual({
      symbol: 'BTCUSDT',
      timestamp: String(NOW),
      side: 'BUY',
      quantity: '0.001',
    });
  });

  it('refuses bad keys, signatures and timestamps with Binance codes', () => {
    const query = (timestamp: number, extra = '') => `timestamp=${timestamp}${extra}`;
    const signed = (q: string) => `${q}&signature=${sign(q)}`;
    const check =
      (q: string, apiKey = 'key-1') =>
      () =>
        verifyRestRequest({ apiKey, query: q, body: '' }, credentials, NOW);
    expect(codeOf(check(signed(query(NOW)), ''))).toBe(-2014);
    expect(codeOf(check(signed(query(NOW)), 'other'))).toBe(-2015);
    expect(codeOf(check(`${query(NOW)}&signature=${sign('x')}`))).toBe(-1022);
    expect(codeOf(check(query(NOW)))).toBe(-1102);
    expect(codeOf(check(signed(query(NOW + 1_000))))).toBe(-1021);
    expect(codeOf(check(signed(query(NOW - 5_001))))).toBe(-1021);
    expect(codeOf(check(signed(query(NOW - 5_001, '&recvWindow=10000'))))).toBeUndefined();
    expect(codeOf(check(signed(query(NOW, '&recvWindow=60001'))))).toBe(-1131);
  });
});

describe('WebSocket API signatures', () => {
  it('signs every param but the signature, sorted by name', () => {
    const params = { symbol: 'BTCUSDT', apiKey: 'key-1', timestamp: NOW, returnRateLimits: false };
    const payload = `apiKey=key-1&returnRateLimits=false&symbol=BTCUSDT&timestamp=${NOW}`;
    expect(verifyWsParams({ ...params, signature: sign(payload) }, credentials, NOW)).toEqual({
      symbol: 'BTCUSDT',
      timestamp: String(NOW),
      returnRateLimits: 'false',
    });
    expect(
      codeOf(() => verifyWsParams({ ...params, signature: sign(`${payload}x`) }, credentials, NOW)),
    ).toBe(-1022);
  });
});
