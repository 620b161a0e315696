import { describe, expect, it } from 'vitest';
import { parseRoute } from './router';

describe('parseRoute', () => {
  it('maps the hash routes to pages', () => {
    expect(parseRoute('')).toEqual({ name: 'dashboard' });
    expect(parseRoute('#/')).toEqual({ name: 'dashboard' });
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
    expect(parseRoute('#/settings/')).toEqual({ name: 'settings' });
    expect(parseRoute('#/risk')).toEqual({ name: 'risk' });
    expect(parseRoute('#/backtest')).toEqual({ name: 'backtest' });
    expect(parseRoute('#/bots/abc/report')).toEqual({ name: 'botReport', botId: 'abc' });
    expect(parseRoute('#/bots/new')).toEqual({ name: 'createBot' });
    expect(parseRoute('#/bots/bot-abc123-xyz')).toEqual({ name: 'bot', botId: 'bot-abc123-xyz' });
  });

  it('reads ?template= on the create page', () => {
    expect(parseRoute('#/bots/new?template=sma-crossover')).toEqual({
      name: 'createBot',
      template: 'sma-crossover',
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
