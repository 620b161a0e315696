/**
 * Named parameter presets per strategy template ("Quick": fast 5, slow 30) and their JSON
 * export/import. A name is unique per template, so saving it again overwrites that preset.
 * An import is checked completely (parsePresetsFile) before one transaction writes it: a bad
 * file is rejected with a message saying exactly what is wrong, and nothing changes.
 */
import { validateParams } from '../core/strategy/params';
import type { AnyStrategy, RawParams } from '../core/strategy/types';
import type { TimestampMs } from '../core/time';
import type { FlotillaDb, PresetRow } from './schema';
import { isPlainObject, requireNumber, requireString, ValidationError } from './validation';

export const PRESETS_FORMAT = 'flotilla-presets';
export const PRESETS_VERSION = 1;
export const MAX_PRESET_NAME_LENGTH = 60;

export interface SavePresetInput {
  strategyId: string;
  /** Trimmed; 1–60 characters. */
  name: string;
  /** Checked for shape only: the caller validates them against the template's spec. */
  params: RawParams;
  now: TimestampMs;
}

/** One preset as it travels in an export file. */
export interface PresetEntry {
  strategyId: string;
  name: string;
  params: RawParams;
}

export interface PresetsFile {
  format: typeof PRESETS_FORMAT;
  version: typeof PRESETS_VERSION;
  presets: PresetEntry[];
}

/** What an import needs to know of a template to check a preset's parameters. */
export type PresetStrategy = Pick<AnyStrategy, 'id' | 'name' | 'params' | 'validate'>;

export interface PresetsRepository {
  /** Creates the preset, or overwrites the template's preset of the same name (same id). */
  savePreset(input: SavePresetInput): Promise<PresetRow>;
  /** The presets of template `strategyId` (every preset when omitted), by name. */
  listPresets(strategyId?: string): Promise<PresetRow[]>;
  getPreset(id: string): Promise<PresetRow | undefined>;
  deletePreset(id: string): Promise<void>;
  /** A PresetsFile as JSON: the presets of `strategyId`, or all of them. */
  exportPresets(strategyId?: string): Promise<string>;
  /**
   * Imports a PresetsFile (same names overwrite) in one transaction; resolves to the number of
   * presets written. Rejects with a readable message, changing nothing, when any entry is bad.
   */
  importPresets(
    json: string,
    strategies: readonly PresetStrategy[],
    now: TimestampMs,
  ): Promise<number>;
}

/** The trimmed name, or a ValidationError when it is empty or longer than 60 characters. */
export function requirePresetName(value: unknown, field = 'name'): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (name.length < 1 || name.length > MAX_PRESET_NAME_LENGTH) {
    throw new ValidationError(field, `must be 1–${MAX_PRESET_NAME_LENGTH} characters`);
  }
  return name;
}

function requireRawParams(value: unknown, field: string): RawParams {
  if (!isPlainObject(value)) throw new ValidationError(field, 'must be an object');
  const params: RawParams = {};
  for (const [key, param] of Object.entries(value)) {
    const isValid =
      typeof param === 'string' ||
      typeof param === 'boolean' ||
      (typeof param === 'number' && Number.isFinite(param));
    if (!isValid) {
      throw new ValidationError(`${field}.${key}`, 'must be a finite number, boolean or string');
    }
    params[key] = param;
  }
  return params;
}

function byName(a: PresetRow, b: PresetRow): number {
  return a.strategyId.localeCompare(b.strategyId) || a.name.localeCompare(b.name);
}

/** JSON of a presets file holding `rows`. */
export function serializePresets(rows: readonly PresetRow[]): string {
  const file: PresetsFile = {
    format: PRESETS_FORMAT,
    version: PRESETS_VERSION,
    presets: rows.map(({ strategyId, name, params }) => ({ strategyId, name, params })),
  };
  return JSON.stringify(file, null, 2);
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch (cause) {
    throw new Error(
      `The file is not JSON (${cause instanceof Error ? cause.message : String(cause)}).`,
    );
  }
}

function readEntry(
  value: unknown,
  position: number,
  strategies: readonly PresetStrategy[],
): PresetEntry {
  if (!isPlainObject(value)) throw new Error(`Preset ${position} is not an object.`);
  const rawName = typeof value.name === 'string' ? value.name.trim() : '';
  const label = rawName ? `Preset ${position} "${rawName}"` : `Preset ${position}`;
  if (rawName === '' || rawName.length > MAX_PRESET_NAME_LENGTH) {
    throw new Error(`${label}: the name must be 1–${MAX_PRESET_NAME_LENGTH} characters.`);
  }
  if (typeof value.strategyId !== 'string' || value.strategyId === '') {
    throw new Error(`${label}: "strategyId" (the template) is missing.`);
  }
  const strategy = strategies.find((each) => each.id === value.strategyId);
  if (!strategy) throw new Error(`${label}: unknown template "${value.strategyId}".`);
  if (!isPlainObject(value.params)) {
    throw new Error(`${label}: "params" must be an object of parameter values.`);
  }
  const result = validateParams(strategy, value.params as RawParams);
  if (!result.ok) {
    throw new Error(`${label}: ${result.errors.map((error) => error.message).join('; ')}.`);
  }
  return { strategyId: strategy.id, name: rawName, params: result.values as RawParams };
}

/**
 * Reads and checks a presets file; throws an Error naming the first problem (not JSON, wrong
 * format or version, or which preset is bad and why). A name repeated for one template keeps
 * the last entry, as saving it twice would.
 */
export function parsePresetsFile(
  json: string,
  strategies: readonly PresetStrategy[],
): PresetEntry[] {
  const file = parseJson(json);
  if (!isPlainObject(file) || file.format !== PRESETS_FORMAT) {
    throw new Error(`This is not a Flotilla presets file ("format" must be "${PRESETS_FORMAT}").`);
  }
  if (file.version !== PRESETS_VERSION) {
    throw new Error(
      `Unsupported presets file version ${JSON.stringify(file.version) ?? 'missing'} (this app reads version ${PRESETS_VERSION}).`,
    );
  }
  if (!Array.isArray(file.presets)) throw new Error('The file has no "presets" list.');
  const entries = new Map<string, PresetEntry>();
  file.presets.forEach((value: unknown, index) => {
    const entry = readEntry(value, index + 1, strategies);
    entries.set(JSON.stringify([entry.strategyId, entry.name]), entry);
  });
  return [...entries.values()];
}

export function createPresetsRepository(
  db: FlotillaDb,
  newId: () => string = () => crypto.randomUUID(),
): PresetsRepository {
  /** Writes `entry` over the preset of the same template and name, if any. Call in a transaction. */
  const upsert = async (entry: PresetEntry, now: TimestampMs): Promise<PresetRow> => {
    const existing = await db.presets
      .where('[strategyId+name]')
      .equals([entry.strategyId, entry.name])
      .first();
    const row: PresetRow = {
      id: existing?.id ?? newId(),
      strategyId: entry.strategyId,
      name: entry.name,
      params: entry.params,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await db.presets.put(row);
    return row;
  };

  const listPresets = async (strategyId?: string): Promise<PresetRow[]> => {
    const rows =
      strategyId === undefined
        ? await db.presets.toArray()
        : await db.presets.where('strategyId').equals(strategyId).toArray();
    return rows.sort(byName);
  };

  return {
    async savePreset(input) {
      const entry: PresetEntry = {
        strategyId: requireString(input.strategyId, 'strategyId'),
        name: requirePresetName(input.name),
        params: requireRawParams(input.params, 'params'),
      };
      const now = requireNumber(input.now, 'now', { min: 0 });
      return db.transaction('rw', db.presets, () => upsert(entry, now));
    },
    listPresets,
    async getPreset(id) {
      return db.presets.get(id);
    },
    async deletePreset(id) {
      await db.presets.delete(id);
    },
    async exportPresets(strategyId) {
      return serializePresets(await listPresets(strategyId));
    },
    async importPresets(json, strategies, now) {
      const entries = parsePresetsFile(json, strategies);
      requireNumber(now, 'now', { min: 0 });
      return db.transaction('rw', db.presets, async () => {
        for (const entry of entries) await upsert(entry, now);
        return entries.length;
      });
    },
  };
}
