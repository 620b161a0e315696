/**
 * "Test connection" for an account form: load the markets, fetch the balance (over the path the
 * account will trade on), check the key's permissions where the exchange lets ccxt tell, and turn
 * any failure into a problem with its fix (connectionProblem.ts). Never throws.
 */
import type { Balances } from '../../core/exchangePort';
import type { AdapterContext } from './context';
import { toBalances } from './convert';
import { describeConnectionProblem } from './connectionProblem';
import { hostAnswers, isBrowser, originIn } from './corsProbe';
import { ccxtErrorChain } from './errorNames';
import { convertMarkets, openContext } from './session';
import type { CcxtExchangeDeps } from './session';
import type { ConnectionReport } from './types';
import type { CcxtConnectionConfig } from './types';

export const WITHDRAWAL_WARNING = 'This key can withdraw funds; create a trade-only key.';

/** Binance's answer to GET sapi/v1/account/apiRestrictions (the fields we read). */
interface ApiRestrictions {
  enableWithdrawals?: boolean;
  enableSpotAndMarginTrading?: boolean;
}

async function fetchBalance(ctx: AdapterContext): Promise<Balances> {
  const { client } = ctx;
  const balance = ctx.usesWs('fetchBalance')
    ? await ctx.wsRequest('fetchBalanceWs', client.fetchBalanceWs())
    : await client.fetchBalance();
  return toBalances(balance);
}

/**
 * Binance tells a key's permissions over signed REST (sapi), which browsers refuse without the
 * CORS proxy: only asked where REST is the account's path or a proxy is set.
 */
async function keyRestrictions(ctx: AdapterContext): Promise<ApiRestrictions | undefined> {
  const { client, config } = ctx;
  if (!client.id.startsWith('binance') || (ctx.tradingPath === 'websocket' && !config.proxyUrl)) {
    return undefined;
  }
  const call = (client as unknown as Record<string, unknown>).sapiGetAccountApiRestrictions;
  if (typeof call !== 'function') return undefined;
  return (await (call as () => Promise<ApiRestrictions>).call(client)) ?? undefined;
}

async function describeFailure(
  error: unknown,
  config: CcxtConnectionConfig,
  ctx: AdapterContext | undefined,
): Promise<ConnectionReport> {
  const message = error instanceof Error ? error.message : String(error);
  const origin = originIn(message);
  const inBrowser = isBrowser();
  const hostReachable =
    inBrowser && ctx && origin && ccxtErrorChain(error).includes('NetworkError')
      ? await hostAnswers(origin, ctx.timers)
      : undefined;
  const report = describeConnectionProblem(error, {
    exchangeName: ctx?.client.name ?? config.exchangeId,
    inBrowser,
    ...(hostReachable === undefined ? {} : { hostReachable }),
    secrets: Object.values(config.credentials ?? {}),
  });
  return { ok: false, ...report };
}

/** Tests an account's settings; the report says what works or what to fix. */
export async function testCcxtConnection(
  config: CcxtConnectionConfig,
  deps: CcxtExchangeDeps,
): Promise<ConnectionReport> {
  let ctx: AdapterContext | undefined;
  try {
    ctx = await openContext(config, deps);
    await ctx.client.loadMarkets();
    const marketCount = Object.keys(convertMarkets(ctx.client)).length;
    const warnings: string[] = [];
    const hasKey = Object.keys(config.credentials ?? {}).length > 0;
    if (!hasKey) warnings.push('No API key: public market data only (paper trading).');
    const balances = hasKey ? await fetchBalance(ctx) : {};
    const restrictions = hasKey ? await keyRestrictions(ctx).catch(() => undefined) : undefined;
    if (restrictions?.enableWithdrawals === true) warnings.push(WITHDRAWAL_WARNING);
    if (restrictions?.enableSpotAndMarginTrading === false) {
      warnings.push('This key cannot trade spot; live bots need spot trading enabled.');
    }
    return {
      ok: true,
      marketCount,
      balances,
      tradingPath: ctx.tradingPath,
      ...(typeof restrictions?.enableWithdrawals === 'boolean'
        ? { withdrawalEnabled: restrictions.enableWithdrawals }
        : {}),
      warnings,
    };
  } catch (error) {
    return describeFailure(error, config, ctx);
  } finally {
    await ctx?.client.close().catch(() => undefined);
  }
}
