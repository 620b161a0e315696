/**
 * Bot configurations for this tab: the ConfigCodec every UI reader of `bots` and `botConfigs`
 * decodes with. Clear rows (no vault) read as they are; sealed ones open with the config key,
 * which the engine hands over while the vault is unlocked (a non-extractable CryptoKey — this
 * tab can decrypt with it but never read it). Exchange credentials never come here.
 */
import { keyCipher } from '../vault';
import { createConfigCodec, type ConfigCodec, type ConfigKeyState } from '../db';

/** What the tab knows of the vault: undefined until the engine answered. */
type Known = { state: 'none' | 'locked' } | { state: 'unlocked'; key: CryptoKey } | undefined;

let known: Known;
let waiters: (() => void)[] = [];
/** Asks the engine for the key; set once the engine connection exists. */
let askKey: (() => Promise<CryptoKey | undefined>) | undefined;

/** Records the vault's state (and key) from the engine; wakes readers waiting for it. */
export function setVaultKey(state: 'none' | 'locked' | 'unlocked', key?: CryptoKey): void {
  known =
    state === 'unlocked' && key ? { state, key } : { state: state === 'none' ? 'none' : 'locked' };
  for (const wake of waiters) wake();
  waiters = [];
}

/** How to ask the engine for the key again (a row sealed before this tab heard of the vault). */
export function setKeySource(source: () => Promise<CryptoKey | undefined>): void {
  askKey = source;
}

const keyState = async (): Promise<ConfigKeyState> => {
  if (!known) await new Promise<void>((resolve) => waiters.push(resolve));
  if (known?.state === 'unlocked') return { kind: 'unlocked', cipher: keyCipher(known.key) };
  // A vault was just set up in another tab or this one: the rows may be sealed already.
  const key = await askKey?.().catch(() => undefined);
  if (key) {
    known = { state: 'unlocked', key };
    return { kind: 'unlocked', cipher: keyCipher(key) };
  }
  return { kind: known?.state === 'none' ? 'none' : 'locked' };
};

/** The codec of this tab's readers (and of the drafts it saves). */
export const configCodec: ConfigCodec = createConfigCodec(keyState);
