/**
 * The sweep settings of the Backtest page: which parameters vary and their from/to/step (as
 * typed, prefilled from the template's spec), turned into a plan (src/backtest/sweep.ts) with
 * the combination count or the errors, each naming its parameter.
 */
import { createMemo, type Accessor } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  defaultSweepRange,
  planSweep,
  type SweepAxis,
  type SweepPlan,
} from '../../../backtest/sweep';
import { sweepSize } from '../../../backtest/sweep';
import type { ParamSpec, RawParams, StrategyInfo } from '../../../core/strategy/types';

export interface AxisInput {
  isVaried: boolean;
  min: string;
  max: string;
  step: string;
}

export interface SweepForm {
  axis(name: string): AxisInput;
  setAxis(name: string, patch: Partial<AxisInput>): void;
  axes: Accessor<SweepAxis[]>;
  size: Accessor<number>;
  plan: Accessor<SweepPlan>;
}

function initialAxis(spec: ParamSpec): AxisInput {
  const range = defaultSweepRange(spec);
  return {
    isVaried: false,
    min: range ? String(range.min) : '',
    max: range ? String(range.max) : '',
    step: range ? String(range.step) : '',
  };
}

const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export function createSweepForm(
  strategy: Accessor<StrategyInfo | undefined>,
  base: Accessor<RawParams>,
): SweepForm {
  const [inputs, setInputs] = createStore<Record<string, Record<string, AxisInput>>>({});
  const specs = () => (strategy()?.params ?? {}) as Record<string, ParamSpec>;
  const axis = (name: string): AxisInput => {
    const id = strategy()?.id ?? '';
    const spec = specs()[name];
    return (
      inputs[id]?.[name] ??
      (spec ? initialAxis(spec) : initialAxis({ kind: 'boolean', label: name, default: false }))
    );
  };
  const axes = createMemo((): SweepAxis[] =>
    Object.entries(specs()).flatMap(([name, spec]) => {
      const input = axis(name);
      if (!input.isVaried) return [];
      if (spec.kind === 'boolean' || spec.kind === 'choice') return [{ name }];
      return [
        {
          name,
          range: { min: toNumber(input.min), max: toNumber(input.max), step: toNumber(input.step) },
        },
      ];
    }),
  );
  const size = createMemo(() => {
    const current = strategy();
    return current ? sweepSize(current, axes()) : 0;
  });
  const plan = createMemo((): SweepPlan => {
    const current = strategy();
    if (!current) return { ok: false, errors: [{ field: 'sweep', message: 'Choose a template' }] };
    return planSweep(current, base(), axes());
  });
  return {
    axis,
    setAxis(name, patch) {
      const id = strategy()?.id;
      if (!id) return;
      if (!inputs[id]) setInputs(id, {});
      setInputs(id, name, { ...axis(name), ...patch });
    },
    axes,
    size,
    plan,
  };
}
