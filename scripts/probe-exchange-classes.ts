/**
 * `npx tsx scripts/probe-exchange-classes.ts [id…]`: loads ccxt classes the way the app's workers
 * do (src/exchange/ccxt/loadExchangeClass.ts, through tsconfig's `ccxt/js/src/*` path) and prints
 * one JSON line: per id, its class's id, name and WebSocket abilities, or the error. Without ids:
 * the tested exchanges. Used by loadExchangeClass.test.ts, which cannot import ccxt's ES modules
 * under Vitest (its browser condition swaps in `ws`'s browser stub).
 */
import { loadExchangeClass, TESTED_EXCHANGE_IDS } from '../src/exchange/ccxt/loadExchangeClass';

const ids = process.argv.slice(2);
const report: Record<string, unknown> = {};
for (const id of ids.length > 0 ? ids : TESTED_EXCHANGE_IDS) {
  try {
    const exchange = new (await loadExchangeClass(id))();
    report[id] = {
      id: exchange.id,
      name: exchange.name,
      ws: exchange.has.ws === true,
      createOrderWs: exchange.has.createOrderWs === true,
    };
  } catch (error) {
    report[id] = { error: error instanceof Error ? error.message : String(error) };
  }
}
console.warn(JSON.stringify(report));
