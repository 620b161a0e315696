/**
 * The UI's handle on the Flotilla IndexedDB database. Every tab reads durable state through it
 * (via createLiveQuery); only the leader's worker writes bot state, the UI writes form drafts
 * and parameter presets.
 */
import type { BacktestConfig } from '../backtest/backtestJob';
import type { RunReport } from '../backtest/runReport';
import {
  createBacktestRunsRepository,
  createDraftsRepository,
  createPresetsRepository,
  FlotillaDb,
} from '../db';
import { configCodec } from './configCodec';

/** The one database instance of this tab. */
export const db = new FlotillaDb();

/** Saved form drafts (e.g. the half-filled bot-creation form), sealed once a vault exists. */
export const drafts = createDraftsRepository(db, configCodec);

/** Named parameter presets per template (the template library and the create form). */
export const presets = createPresetsRepository(db);

/** Saved backtest runs: the configuration and report of the last runs (Backtest page). */
export const savedRuns = createBacktestRunsRepository<BacktestConfig, RunReport>(db);
