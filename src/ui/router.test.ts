import { describe, expect, it } from 'vitest';
import { parseRoute } from './router';

describe('parseRoute', () => {
  it('maps the hash routes to pages', () => {
    expect(parseRoute('')).toEqual({ name: 'dashboard' });
    expect(parseRoute('#/')).toEqual({ name: 'dashboard' });
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
    expect(parseRoute('#/settings/')).toEqual({ name: 'settings' });
    expect(parseRoute('#/accounts')).toEqual({ name: 'accounts' });
    expect(parseRoute('#/risk')).toEqual({ name: 'risk' });
    expect(parseRoute('#/backtest')).toEqual({ name: 'backtest' });
    expect(parseRoute('#/bots/abc/report')).toEqual({ name: 'botReport', botId: 'abc' });
    expect(parseRoute('#/bots/new')).toEqual({ name: 'createBot', prefill: {} });
    expect(parseRoute('#/bots/abc/edit')).toEqual({ name: 'editBot', botId: 'abc' });
    expect(parseRoute('#/bots/bot-abc123-xyz')).toEqual({ name: 'bot', botId: 'bot-abc123-xyz' });
  });

  it('reads the prefill of the create wizard from the query', () => {
    expect(parseRoute('#/bots/new?template=sma-crossover')).toEqual({
      name: 'createBot',
      prefill: { template: 'sma-crossover' },
    });
    const params = encodeURIComponent(JSON.stringify({ fast: 5 }));
    expect(parseRoute(`#/bots/new?template=sma-crossover&params=${params}&clone=b1`)).toEqual({
      name: 'createBot',
      prefill: { template: 'sma-crossover', params: '{"fast":5}', clone: 'b1' },
    });
  });

  it('decodes bot ids and refuses malformed ones', () => {
    expect(parseRoute('#/bots/a%20b')).toEqual({ name: 'bot', botId: 'a b' });
    expect(parseRoute('#/bots/%E0%A4%A')).toEqual({ name: 'notFound', path: '/bots/%E0%A4%A' });
  });

  it('sends anything else to "not found"', () => {
    expect(parseRoute('#/nope')).toEqual({ name: 'notFound', path: '/nope' });
    expect(parseRoute('#/bots/a/b')).toEqual({ name: 'notFound', path: '/bots/a/b' });
  });
});
