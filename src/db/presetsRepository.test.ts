import { describe, expect, it } from 'vitest';
import type { PresetStrategy } from './presetsRepository';
import { createPresetsRepository } from './presetsRepository';
import { createTestDb } from './testDb';

const sma: PresetStrategy = {
  id: 'sma-crossover',
  name: 'SMA crossover',
  params: {
    fast: { kind: 'integer', label: 'Fast period', default: 9, min: 2, max: 200, step: 1 },
    slow: { kind: 'integer', label: 'Slow period', default: 21, min: 3, max: 500, step: 1 },
  },
  validate: ({ fast = 0, slow = 0 }) =>
    fast < slow ? undefined : { field: 'fast', message: 'Fast period must be below slow period' },
};
const hold: PresetStrategy = {
  id: 'buy-hold',
  name: 'Buy and hold',
  params: { once: { kind: 'boolean', label: 'Buy once', default: true } },
};
const STRATEGIES = [sma, hold];

function repository() {
  const db = createTestDb();
  let counter = 0;
  const presets = createPresetsRepository(db, () => `p${++counter}`);
  return { db, presets };
}

function file(presets: unknown[], overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'flotilla-presets', version: 1, presets, ...overrides });
}

describe('presetsRepository', () => {
  it('saves, lists by name, gets and deletes presets; a name is trimmed', async () => {
    const { presets } = repository();
    const quick = await presets.savePreset({
      strategyId: 'sma-crossover',
      name: '  Quick ',
      params: { fast: 5, slow: 30 },
      now: 1_000,
    });
    expect(quick).toEqual({
      id: 'p1',
      strategyId: 'sma-crossover',
      name: 'Quick',
      params: { fast: 5, slow: 30 },
      createdAt: 1_000,
      updatedAt: 1_000,
    });
    await presets.savePreset({ strategyId: 'sma-crossover', name: 'Calm', params: {}, now: 2 });
    await presets.savePreset({ strategyId: 'buy-hold', name: 'Quick', params: {}, now: 3 });
    expect((await presets.listPresets('sma-crossover')).map((row) => row.name)).toEqual([
      'Calm',
      'Quick',
    ]);
    expect(await presets.listPresets()).toHaveLength(3);
    expect(await presets.getPreset('p1')).toEqual(quick);
    await presets.deletePreset('p1');
    expect(await presets.getPreset('p1')).toBeUndefined();
    expect((await presets.listPresets('sma-crossover')).map((row) => row.name)).toEqual(['Calm']);
  });

  it('overwrites the preset with the same name for the same template', async () => {
    const { presets } = repository();
    const input = { strategyId: 'sma-crossover', name: 'Quick', params: { fast: 5, slow: 30 } };
    await presets.savePreset({ ...input, now: 1 });
    const again = await presets.savePreset({ ...input, params: { fast: 6, slow: 40 }, now: 2 });
    expect(again).toMatchObject({ id: 'p1', createdAt: 1, updatedAt: 2 });
    expect(await presets.listPresets('sma-crossover')).toEqual([again]);
  });

  it('refuses a bad name or bad values and writes nothing', async () => {
    const { db, presets } = repository();
    const base = { strategyId: 'sma-crossover', params: { fast: 5 }, now: 1 };
    await expect(presets.savePreset({ ...base, name: '   ' })).rejects.toThrow(
      'name must be 1–60 characters',
    );
    await expect(presets.savePreset({ ...base, name: 'x'.repeat(61) })).rejects.toThrow(/^name /);
    await expect(
      presets.savePreset({ ...base, name: 'Bad', params: { fast: Number.NaN } }),
    ).rejects.toThrow(/^params\.fast /);
    await expect(presets.savePreset({ ...base, name: 'A', strategyId: '' })).rejects.toThrow(
      /^strategyId /,
    );
    expect(await presets.savePreset({ ...base, name: 'x'.repeat(60) })).toBeDefined();
    expect(await db.presets.count()).toBe(1);
  });

  it('exports presets as a versioned JSON file, for one template or all', async () => {
    const { presets } = repository();
    await presets.savePreset({
      strategyId: 'sma-crossover',
      name: 'Quick',
      params: { fast: 5, slow: 30 },
      now: 1,
    });
    await presets.savePreset({
      strategyId: 'buy-hold',
      name: 'Once',
      params: { once: true },
      now: 1,
    });
    expect(JSON.parse(await presets.exportPresets('sma-crossover'))).toEqual({
      format: 'flotilla-presets',
      version: 1,
      presets: [{ strategyId: 'sma-crossover', name: 'Quick', params: { fast: 5, slow: 30 } }],
    });
    const all = JSON.parse(await presets.exportPresets()) as { presets: unknown[] };
    expect(all.presets).toHaveLength(2);
  });

  it('imports an exported file into another database; same names overwrite', async () => {
    const source = repository().presets;
    await source.savePreset({
      strategyId: 'sma-crossover',
      name: 'Quick',
      params: { fast: 5, slow: 30 },
      now: 1,
    });
    await source.savePreset({
      strategyId: 'buy-hold',
      name: 'Once',
      params: { once: false },
      now: 1,
    });
    const { presets } = repository();
    await presets.savePreset({
      strategyId: 'sma-crossover',
      name: 'Quick',
      params: { fast: 9, slow: 21 },
      now: 5,
    });
    expect(await presets.importPresets(await source.exportPresets(), STRATEGIES, 10)).toBe(2);
    const [quick] = await presets.listPresets('sma-crossover');
    expect(quick).toMatchObject({ id: 'p1', params: { fast: 5, slow: 30 }, createdAt: 5 });
    expect(quick?.updatedAt).toBe(10);
    expect(await presets.listPresets('buy-hold')).toMatchObject([
      { name: 'Once', params: { once: false }, createdAt: 10 },
    ]);
  });

  it('rejects a bad file with a message saying what is wrong, changing nothing', async () => {
    const { db, presets } = repository();
    await presets.savePreset({
      strategyId: 'sma-crossover',
      name: 'Quick',
      params: { fast: 5, slow: 30 },
      now: 1,
    });
    const before = await db.presets.toArray();
    const good = { strategyId: 'sma-crossover', name: 'Quick', params: { fast: 7, slow: 30 } };
    const cases: [string, string | RegExp][] = [
      ['{ not json', /^The file is not JSON \(/],
      [JSON.stringify([good]), 'This is not a Flotilla presets file'],
      [file([good], { format: 'other' }), 'This is not a Flotilla presets file'],
      [file([good], { version: 2 }), 'Unsupported presets file version 2'],
      [file([good], { presets: {} }), 'The file has no "presets" list.'],
      [file([good, 'x']), 'Preset 2 is not an object.'],
      [file([good, { ...good, name: '' }]), 'Preset 2: the name must be 1–60 characters.'],
      [
        file([good, good, { strategyId: 'x', name: ' Aggressive ', params: {} }]),
        'Preset 3 "Aggressive": unknown template "x".',
      ],
      [
        file([good, { ...good, name: 'Fast', params: { fast: 1.5, slow: 30 } }]),
        'Preset 2 "Fast": Fast period must be a whole number between 2 and 200.',
      ],
      [
        file([{ ...good, params: { fast: 40, slow: 30 } }]),
        'Preset 1 "Quick": Fast period must be below slow period.',
      ],
      [
        file([{ ...good, params: { fast: 7 } }]),
        'Preset 1 "Quick": Slow period is missing; it must be a whole number between 3 and 500.',
      ],
      [file([{ ...good, params: [] }]), 'Preset 1 "Quick": "params" must be an object'],
    ];
    for (const [json, message] of cases) {
      await expect(presets.importPresets(json, STRATEGIES, 2)).rejects.toThrow(message);
    }
    expect(await db.presets.toArray()).toEqual(before);
  });

  it('writes an import all-or-nothing in one transaction', async () => {
    const db = createTestDb();
    let calls = 0;
    const presets = createPresetsRepository(db, () => {
      calls += 1;
      if (calls === 2) throw new Error('id generator failed');
      return `p${calls}`;
    });
    const json = file([
      { strategyId: 'sma-crossover', name: 'A', params: { fast: 5, slow: 30 } },
      { strategyId: 'sma-crossover', name: 'B', params: { fast: 6, slow: 30 } },
    ]);
    await expect(presets.importPresets(json, STRATEGIES, 1)).rejects.toThrow('id generator');
    expect(await db.presets.count()).toBe(0);
  });
});
