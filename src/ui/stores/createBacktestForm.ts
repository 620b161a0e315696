/**
 * The Backtest page's form state: the template and its parameter inputs (kept per template, as
 * the bot form does), the data source and range, costs and options. Errors show once the user
 * has tried to run; `check()` gives the config to run or the errors.
 */
import { createMemo, createSignal, type Accessor } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { ParamSpec, RawParams } from '../../core/strategy/types';
import type { StrategyEntry } from '../catalog';
import { createStrategyCatalog, STRATEGIES } from '../catalog';
import type { ParamForm } from '../pages/ParamFields';
import type { BacktestDataSource } from './backtestData';
import {
  checkBacktestForm,
  utcDay,
  type BacktestFormValues,
  type ConfigCheck,
} from './backtestConfig';
import { paramInputsFrom, type ParamInput } from './createBotDraft';

/**
 * The default range: the first 10,080 candles of the source (a week of 1-minute candles, 14
 * months of hourly ones, the whole of most daily files), a run of a few seconds.
 */
const DEFAULT_CANDLES = 10_080;

export interface BacktestForm extends ParamForm {
  values: BacktestFormValues;
  set<K extends keyof BacktestFormValues>(field: K, value: BacktestFormValues[K]): void;
  setStrategy(id: string): void;
  setSource(source: BacktestDataSource): void;
  /** The chosen data source. */
  source: Accessor<BacktestDataSource | undefined>;
  /** Sets the current template's parameters (e.g. from a sweep row). */
  setParams(params: RawParams): void;
  params(): RawParams;
  check: Accessor<ConfigCheck>;
  /** The chosen template or custom strategy. */
  strategy: Accessor<StrategyEntry | undefined>;
  /** Makes errors visible (after a run attempt). */
  showErrors(): void;
}

function rawParams(specs: [string, ParamSpec][], inputs: Record<string, ParamInput>): RawParams {
  const raw: RawParams = {};
  for (const [key, spec] of specs) {
    const input = inputs[key];
    if (spec.kind === 'boolean') raw[key] = input === true;
    else if (spec.kind === 'choice') raw[key] = String(input);
    else if (typeof input === 'string' && input.trim() !== '') raw[key] = Number(input);
  }
  return raw;
}

export function createBacktestForm(sources: Accessor<readonly BacktestDataSource[]>): BacktestForm {
  const first = STRATEGIES[0];
  const [values, setValues] = createStore<BacktestFormValues>({
    strategyId: first?.id ?? '',
    sourceId: '',
    from: '',
    to: '',
    timeframe: first?.timeframe ?? '1m',
    cash: '10000',
    makerFeePct: '0.1',
    takerFeePct: '0.1',
    slippageBps: '0',
    closeAtEnd: true,
    riskJson: '',
  });
  const [inputs, setInputs] = createStore<Record<string, Record<string, ParamInput>>>({});
  const [isShowingErrors, setShowingErrors] = createSignal(false);
  const catalog = createStrategyCatalog();
  const strategy = createMemo(() => catalog.find(values.strategyId));
  const specs = createMemo(() =>
    Object.entries((strategy()?.params ?? {}) as Record<string, ParamSpec>),
  );
  const currentInputs = (): Record<string, ParamInput> => {
    const current = strategy();
    if (!current) return {};
    return inputs[current.id] ?? paramInputsFrom(current, {});
  };
  const params = createMemo(() => rawParams(specs(), currentInputs()));
  const source = createMemo(() => sources().find((each) => each.id === values.sourceId));
  const check = createMemo(() => checkBacktestForm(values, params(), strategy(), source()));

  return {
    values,
    set: (field, value) => setValues(field, value as never),
    setStrategy(id) {
      const next = catalog.find(id);
      setValues({ strategyId: id, ...(next ? { timeframe: next.timeframe } : {}) });
    },
    setSource(next) {
      setValues({
        sourceId: next.id,
        from: utcDay(next.start),
        to: utcDay(Math.min(next.end, next.start + DEFAULT_CANDLES * next.candleMs) - 1),
      });
    },
    setParams(raw) {
      const current = strategy();
      if (current) setInputs(current.id, paramInputsFrom(current, raw));
    },
    source,
    params,
    check,
    strategy,
    showErrors: () => setShowingErrors(true),
    paramSpecs: specs,
    paramValue: (key) => currentInputs()[key],
    setParam(key, value) {
      const current = strategy();
      if (current) setInputs(current.id, { ...currentInputs(), [key]: value });
    },
    errorFor(field) {
      if (!isShowingErrors()) return undefined;
      const checked = check();
      return checked.ok
        ? undefined
        : checked.errors.find((error) => error.field === field)?.message;
    },
  };
}
