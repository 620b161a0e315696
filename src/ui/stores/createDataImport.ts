/**
 * The Data page's import form: the chosen file (picker or drop), name and symbol (pre-filled
 * from the file name), and the import itself, which runs in the import worker with progress.
 * A file with bad rows saves nothing; its problems are listed with their lines.
 */
import { batch, createSignal, type Accessor } from 'solid-js';
import { datasetNameFromFile, symbolFromFileName } from '../../core/market/import';
import type { ImportIssue } from '../../core/market/import';
import { MAX_DATASET_NAME_LENGTH, type CandleDatasetRow } from '../../db';
import { announce } from '../announcer';
import { importCandleFile } from '../candleImportClient';
import { messageOf } from './createCommandRunner';

const SYMBOL = /^[A-Za-z0-9.]{1,20}\/[A-Za-z0-9.]{1,20}$/;

export interface ImportOutcome {
  dataset: CandleDatasetRow;
  format: string;
  warnings: ImportIssue[];
  warningCount: number;
}

export interface DataImportForm {
  file: Accessor<File | undefined>;
  chooseFile(file: File | undefined): void;
  name: Accessor<string>;
  setName(value: string): void;
  symbol: Accessor<string>;
  setSymbol(value: string): void;
  /** Errors by field: file, name, symbol. */
  fieldError(field: 'file' | 'name' | 'symbol'): string | undefined;
  /** The file's bad rows (the first ones) and how many there were in all. */
  issues: Accessor<{ list: ImportIssue[]; total: number } | undefined>;
  /** A failure that is not about a row or a field (e.g. storage full). */
  failure: Accessor<string | undefined>;
  isImporting: Accessor<boolean>;
  /** 0..1 while importing. */
  progress: Accessor<number>;
  outcome: Accessor<ImportOutcome | undefined>;
  submit(): Promise<void>;
}

export function createDataImport(): DataImportForm {
  const [file, setFile] = createSignal<File>();
  const [name, setName] = createSignal('');
  const [symbol, setSymbol] = createSignal('');
  const [errors, setErrors] = createSignal<Partial<Record<'file' | 'name' | 'symbol', string>>>({});
  const [issues, setIssues] = createSignal<{ list: ImportIssue[]; total: number }>();
  const [failure, setFailure] = createSignal<string>();
  const [isImporting, setImporting] = createSignal(false);
  const [progress, setProgress] = createSignal(0);
  const [outcome, setOutcome] = createSignal<ImportOutcome>();

  const check = (): boolean => {
    const found: Partial<Record<'file' | 'name' | 'symbol', string>> = {};
    if (!file()) found.file = 'Choose a CSV or JSON file of candles.';
    const trimmed = name().trim();
    if (trimmed.length < 1 || trimmed.length > MAX_DATASET_NAME_LENGTH) {
      found.name = `Name must be 1–${MAX_DATASET_NAME_LENGTH} characters.`;
    }
    if (!SYMBOL.test(symbol().trim()))
      found.symbol = 'Symbol must look like BASE/QUOTE, e.g. BTC/USDT.';
    setErrors(found);
    return Object.keys(found).length === 0;
  };

  const submit = async (): Promise<void> => {
    if (isImporting()) return;
    batch(() => {
      setIssues(undefined);
      setFailure(undefined);
      setOutcome(undefined);
    });
    const chosen = file();
    if (!check() || !chosen) return;
    batch(() => {
      setImporting(true);
      setProgress(0);
    });
    try {
      const result = await importCandleFile(
        chosen,
        { name: name().trim(), symbol: symbol().trim().toUpperCase() },
        setProgress,
      );
      if (result.ok) {
        batch(() => {
          setOutcome({
            dataset: result.dataset,
            format: result.format,
            warnings: result.warnings,
            warningCount: result.warningCount,
          });
          setFile(undefined);
          setName('');
          setSymbol('');
        });
        announce(`${result.dataset.name} imported: ${result.dataset.count} candles.`);
      } else if (result.field === 'name' || result.field === 'symbol') {
        setErrors({ [result.field]: result.message });
      } else if (result.message) {
        setFailure(result.message);
      } else {
        setIssues({ list: result.issues, total: result.total });
        announce(`${chosen.name} was not imported: ${result.total} problem(s).`);
      }
    } catch (cause) {
      setFailure(`${chosen.name} could not be imported: ${messageOf(cause)}`);
    } finally {
      setImporting(false);
    }
  };

  return {
    file,
    chooseFile(next) {
      batch(() => {
        setFile(next);
        setIssues(undefined);
        setFailure(undefined);
        setOutcome(undefined);
        setErrors({});
        if (next) {
          setName(datasetNameFromFile(next.name).slice(0, MAX_DATASET_NAME_LENGTH));
          setSymbol(symbolFromFileName(next.name) ?? '');
        }
      });
    },
    name,
    setName,
    symbol,
    setSymbol,
    fieldError: (field) => errors()[field],
    issues,
    failure,
    isImporting,
    progress,
    outcome,
    submit,
  };
}
