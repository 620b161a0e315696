/**
 * The simulated account's balances, Binance style: per asset what is free and what is locked
 * by open orders. Amounts are kept rounded to 8 decimals (Binance's precision) so repeated fills
 * never leave float dust; nothing ever goes negative (callers check `free` first).
 */
export interface AssetBalance {
  asset: string;
  free: number;
  locked: number;
}

const round8 = (value: number) => Math.round(value * 1e8) / 1e8;

export interface Ledger {
  free(asset: string): number;
  /** Moves `amount` from free to locked. */
  lock(asset: string, amount: number): void;
  /** Moves `amount` from locked back to free. */
  unlock(asset: string, amount: number): void;
  /** Adds (or, negative, removes) free funds. */
  credit(asset: string, amount: number): void;
  /** Removes locked funds (a filled part of an order). */
  spendLocked(asset: string, amount: number): void;
  /** Sets an asset's free amount (admin deposits); locked stays. */
  setFree(asset: string, amount: number): void;
  list(): AssetBalance[];
  get(asset: string): AssetBalance;
}

export function createLedger(initial: Record<string, number>): Ledger {
  const balances = new Map<string, AssetBalance>();
  const entry = (asset: string): AssetBalance => {
    let found = balances.get(asset);
    if (!found) {
      found = { asset, free: 0, locked: 0 };
      balances.set(asset, found);
    }
    return found;
  };
  const set = (asset: string, free: number, locked: number) => {
    const target = entry(asset);
    target.free = Math.max(0, round8(free));
    target.locked = Math.max(0, round8(locked));
  };
  for (const [asset, amount] of Object.entries(initial)) {
    if (!(Number.isFinite(amount) && amount >= 0)) {
      throw new Error(`Starting balance of ${asset} must be a number >= 0`);
    }
    set(asset, amount, 0);
  }
  return {
    free: (asset) => entry(asset).free,
    lock(asset, amount) {
      const { free, locked } = entry(asset);
      set(asset, free - amount, locked + amount);
    },
    unlock(asset, amount) {
      const { free, locked } = entry(asset);
      set(asset, free + amount, locked - amount);
    },
    credit(asset, amount) {
      const { free, locked } = entry(asset);
      set(asset, free + amount, locked);
    },
    spendLocked(asset, amount) {
      const { free, locked } = entry(asset);
      set(asset, free, locked - amount);
    },
    setFree(asset, amount) {
      if (!(Number.isFinite(amount) && amount >= 0)) {
        throw new Error(`Balance of ${asset} must be a number >= 0`);
      }
      set(asset, amount, entry(asset).locked);
    },
    list: () => [...balances.values()].map((balance) => ({ ...balance })),
    get: (asset) => ({ ...entry(asset) }),
  };
}
