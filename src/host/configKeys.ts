/**
 * Bot configurations in the worker: the ConfigCodec the bot store uses, backed by the vault's
 * config key (clear before a vault exists, sealed after), and the moves between the two —
 * sealing every config when the vault is set up or unlocked (an older vault, or a failed
 * attempt, is completed then), and, when the vault is erased, opening them back to clear if it
 * is unlocked or deleting the bots whose configs are sealed if it is locked.
 *
 * Configs this worker opened while unlocked stay readable in its memory after the vault locks:
 * bots already running keep being managed (risk breakers, stop, kill switch), as live bots'
 * API keys stay in their exchange clients (docs/vault.md). Nothing can be sealed while locked.
 */
import type { BotConfig } from '../core/bot/types';
import type { Clock } from '../core/time';
import {
  createConfigCodec,
  prepareDropSealed,
  prepareOpenAll,
  sealAllConfigs,
  type ConfigCodec,
  type ConfigKeyState,
  type ConfigRewrite,
  type FlotillaDb,
} from '../db';
import { keyCipher, type Vault } from '../vault';

export interface HostConfigKeys {
  /** The codec of the worker's repositories (remembers configs it opened). */
  codec: ConfigCodec;
  /** Seals every clear config; call while unlocked. Resolves to the rows sealed. */
  sealAll(): Promise<number>;
  /**
   * What erasing the vault does to the configs, prepared before its transaction: opened back
   * to clear while unlocked, the sealed bots deleted while locked.
   */
  prepareErase(): Promise<ConfigRewrite>;
  /** Forgets the configs opened so far (the vault was erased). */
  forget(): void;
}

export function createHostConfigKeys(deps: {
  db: FlotillaDb;
  vault: Vault;
  clock: Clock;
}): HostConfigKeys {
  const { db, vault } = deps;
  const keyState = async (): Promise<ConfigKeyState> => {
    const key = vault.configKey();
    if (key) return { kind: 'unlocked', cipher: keyCipher(key) };
    return (await vault.status()).state === 'none' ? { kind: 'none' } : { kind: 'locked' };
  };
  const strict = createConfigCodec(keyState);
  const opened = new Map<string, BotConfig>();

  const codec: ConfigCodec = {
    encode: strict.encode,
    sealValue: strict.sealValue,
    openValue: strict.openValue,
    async decode(stored, context) {
      if (stored.sealedConfig === undefined) return strict.decode(stored, context);
      const memo = `${context}|${stored.sealedConfig.iv}|${stored.sealedConfig.data}`;
      const known = opened.get(memo);
      if (known && !vault.configKey()) return structuredClone(known);
      const config = await strict.decode(stored, context);
      opened.set(memo, structuredClone(config));
      return config;
    },
  };

  return {
    codec,
    sealAll: () => sealAllConfigs(db, strict),
    // Never from memory: after a locked erase nothing sealed may be read back in clear.
    prepareErase: () =>
      vault.configKey() ? prepareOpenAll(db, strict) : prepareDropSealed(db, deps.clock.now()),
    forget: () => opened.clear(),
  };
}
