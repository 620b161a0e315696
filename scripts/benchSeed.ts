/**
 * Seeds the app's IndexedDB ('flotilla', opened by the app first so the schema exists) for
 * the dashboard bench: `bots` SMA-crossover bots on the default simulated account. Stopped
 * bots get 30 days of history (a ledger, ~20 fills a day and an equity point every 5 minutes);
 * running bots get none (the host resumes them on the next load) and the account is set to
 * replay at 600×. Runs inside the page, with plain IndexedDB.
 */
import type { Page } from '@playwright/test';

export interface SeedReport {
  bots: number;
  fills: number;
  equity: number;
}

export function seedDashboard(
  page: Page,
  options: { bots: number; running: boolean },
): Promise<SeedReport> {
  return page.evaluate(async ({ bots, running }) => {
    const DAY = 86_400_000;
    const now = Date.now();
    const start = now - 30 * DAY;
    const open = indexedDB.open('flotilla');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const done = (tx: IDBTransaction) =>
      new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    let fills = 0;
    let equity = 0;
    const accountTx = db.transaction('accounts', 'readwrite');
    const accounts = accountTx.objectStore('accounts');
    const request = accounts.get('sim-default');
    request.onsuccess = () => {
      if (running && request.result) accounts.put({ ...request.result, speed: 600 });
    };
    await done(accountTx);
    for (let index = 0; index < bots; index++) {
      const id = `bench-${index}`;
      const shortId = `b${index.toString(36).padStart(5, '0')}`;
      const config = {
        name: `Bench bot ${index + 1}`,
        mode: 'simulated',
        accountId: 'sim-default',
        symbol: 'BTC/USDT',
        strategyId: 'sma-crossover',
        timeframe: '1m',
        params: { fast: 3 + (index % 5), slow: 12 + (index % 7) },
        allocation: 90,
      };
      const stores = ['bots', 'botConfigs', 'events', 'ledgers', 'fills', 'equity'];
      const tx = db.transaction(stores, 'readwrite');
      const createdAt = start + index;
      tx.objectStore('bots').put({
        id,
        shortId,
        config,
        configVersion: 1,
        status: running ? 'running' : 'stopped',
        createdAt,
        updatedAt: now,
      });
      tx.objectStore('botConfigs').put({ botId: id, version: 1, config, savedAt: createdAt });
      tx.objectStore('events').put({
        botId: id,
        time: now - index * 60_000,
        type: running ? 'started' : 'stopped',
        message: running ? 'Started' : 'Stopped',
      });
      if (!running) {
        let price = 27_000 + index * 10;
        let cash = 90;
        let position = 0;
        const fillStore = tx.objectStore('fills');
        const equityStore = tx.objectStore('equity');
        for (let time = start; time < now; time += 5 * 60_000) {
          price *= 1 + Math.sin(time / 3_600_000 + index) * 0.001;
          // ~20 fills a day: alternate buy and sell every 72 minutes.
          if ((time - start) % (72 * 60_000) < 5 * 60_000) {
            const side = position === 0 ? 'buy' : 'sell';
            const amount = side === 'buy' ? (cash * 0.99) / price : position;
            cash += side === 'buy' ? -amount * price : amount * price;
            position = side === 'buy' ? amount : 0;
            fills++;
            fillStore.put({
              accountId: 'sim-default',
              botId: id,
              tradeId: `${id}-t${fills}`,
              clientOrderId: `${id}-o${fills}`,
              time,
              side,
              price,
              amount,
              fee: 0,
              feeCurrency: 'USDT',
              takerOrMaker: 'taker',
              configVersion: 1,
            });
          }
          equity++;
          equityStore.put({ botId: id, time, equity: cash + position * price, price });
        }
        tx.objectStore('ledgers').put({
          botId: id,
          ledger: {
            base: 'BTC',
            quote: 'USDT',
            initialCash: 90,
            cash,
            position,
            averageEntry: position > 0 ? price : 0,
            realizedPnl: 0,
            feesPaid: 0,
            tradeCount: fills,
          },
          updatedAt: now,
        });
      }
      await done(tx);
    }
    db.close();
    return { bots, fills, equity };
  }, options);
}
