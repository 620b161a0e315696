/**
 * The "add a custom strategy" form: the module source (typed, pasted, uploaded or the
 * example), and adding it — the source is checked in a custom strategy worker spawned from
 * this page (the same worker file the bots use), then saved to `customStrategies`. Nothing is
 * saved on any error; the message says what is wrong.
 */
import { batch, createSignal, type Accessor } from 'solid-js';
import {
  createCustomStrategiesRepository,
  MAX_CUSTOM_SOURCE_LENGTH,
} from '../../db/customStrategiesRepository';
import type { CustomStrategyRow } from '../../db/schema';
import { browserTimers } from '../../host/browserPorts';
import { EXAMPLE_CUSTOM_STRATEGY } from '../../host/custom/exampleModule';
import { inspectCustomStrategy } from '../../host/custom/inspectCustomStrategy';
import { spawnCustomStrategyWorker } from '../../host/custom/spawnWorker';
import { announce } from '../announcer';
import { configCodec } from '../configCodec';
import { db } from '../db';
import { messageOf } from './createCommandRunner';

/**
 * The installed custom strategies (the UI writes them; the bot host reads them). Deleting one
 * reads which bots use it, so it opens their (possibly sealed) configs with this tab's codec.
 */
export const customStrategies = createCustomStrategiesRepository(db, configCodec);

export interface CustomStrategyForm {
  source: Accessor<string>;
  setSource(value: string): void;
  /** Replaces the source with a working example module. */
  insertExample(): void;
  /** Reads an uploaded file into the source. */
  loadFile(file: File): Promise<void>;
  /** What went wrong with the last attempt, for the alert. */
  error: Accessor<string | undefined>;
  /** The strategy the last attempt added. */
  added: Accessor<CustomStrategyRow | undefined>;
  isAdding: Accessor<boolean>;
  /** Checks the source in a worker and installs it; resolves to the row, or undefined. */
  add(): Promise<CustomStrategyRow | undefined>;
}

const MAX_KB = Math.round(MAX_CUSTOM_SOURCE_LENGTH / 1000);

export function createCustomStrategyForm(): CustomStrategyForm {
  const [source, setSourceText] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [added, setAdded] = createSignal<CustomStrategyRow>();
  const [isAdding, setAdding] = createSignal(false);

  const setSource = (value: string) =>
    batch(() => {
      setSourceText(value);
      setError(undefined);
    });

  async function add(): Promise<CustomStrategyRow | undefined> {
    if (isAdding()) return undefined;
    const text = source();
    setAdded(undefined);
    if (text.trim() === '') {
      setError('Paste a strategy module, upload one or insert the example first.');
      return undefined;
    }
    if (text.length > MAX_CUSTOM_SOURCE_LENGTH) {
      setError(`The module is larger than ${MAX_KB} kB: a strategy must fit in one small file.`);
      return undefined;
    }
    batch(() => {
      setAdding(true);
      setError(undefined);
    });
    try {
      const meta = await inspectCustomStrategy(text, {
        spawn: spawnCustomStrategyWorker,
        timers: browserTimers,
      });
      const row = await customStrategies.addCustomStrategy({
        ...meta,
        source: text,
        addedAt: Date.now(),
      });
      batch(() => {
        // Keep what the user has typed since pressing Add; clear only the module just added.
        if (source() === text) setSourceText('');
        setAdded(row);
      });
      announce(`${row.name} added.`);
      return row;
    } catch (cause) {
      setError(`The module could not be added. ${messageOf(cause)}`);
      return undefined;
    } finally {
      setAdding(false);
    }
  }

  return {
    source,
    setSource,
    insertExample: () => setSource(EXAMPLE_CUSTOM_STRATEGY),
    async loadFile(file) {
      if (file.size > MAX_CUSTOM_SOURCE_LENGTH) {
        setError(
          `${file.name} is larger than ${MAX_KB} kB: a strategy must fit in one small file.`,
        );
        return;
      }
      try {
        setSource(await file.text());
      } catch (cause) {
        setError(`${file.name} could not be read: ${messageOf(cause)}`);
      }
    },
    error,
    added,
    isAdding,
    add,
  };
}
