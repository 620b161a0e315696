/**
 * The template library's wording, as pure functions: category names and the filter's
 * choices, how a parameter's default and allowed values read in the parameters table, preset
 * summaries, export file names and import outcomes.
 */
import { describeNumericSpec } from '../../core/strategy/params';
import type {
  AnyStrategy,
  ParamSpec,
  RawParams,
  StrategyCategory,
} from '../../core/strategy/types';

export type CategoryFilter = StrategyCategory | 'all';

export const CATEGORY_LABELS: Readonly<Record<StrategyCategory, string>> = {
  trend: 'Trend',
  mean_reversion: 'Mean reversion',
  breakout: 'Breakout',
  grid: 'Grid',
  dca: 'DCA',
  benchmark: 'Benchmark',
};

/** The category filter's choices, "All" first. */
export const CATEGORY_FILTERS: readonly { value: CategoryFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  ...(Object.entries(CATEGORY_LABELS) as [StrategyCategory, string][]).map(([value, label]) => ({
    value,
    label,
  })),
];

export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category as StrategyCategory] ?? category;
}

/** The templates of `category` ("all": every one), in catalogue order. */
export function templatesIn(
  strategies: readonly AnyStrategy[],
  category: CategoryFilter,
): AnyStrategy[] {
  return strategies.filter((strategy) => category === 'all' || strategy.category === category);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A parameter value as a trader reads it: "9", "2%", "On", or a choice's label. */
export function formatParamValue(spec: ParamSpec, value: unknown): string {
  switch (spec.kind) {
    case 'boolean':
      return value === true ? 'On' : 'Off';
    case 'choice':
      return spec.options.find((option) => option.value === value)?.label ?? String(value);
    case 'percent':
      return `${String(value)}%`;
    default:
      return String(value);
  }
}

/** What a parameter accepts: "A whole number between 2 and 200", "On or off", "Fast, Slow". */
export function describeAllowed(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'boolean':
      return 'On or off';
    case 'choice':
      return spec.options.map((option) => option.label).join(', ');
    default:
      return capitalize(describeNumericSpec(spec));
  }
}

/** A preset's values in words: "Fast period 5, Slow period 30". */
export function summarizeParams(strategy: AnyStrategy, params: RawParams): string {
  return Object.entries(strategy.params as Record<string, ParamSpec>)
    .filter(([key]) => Object.hasOwn(params, key))
    .map(([key, spec]) => `${spec.label} ${formatParamValue(spec, params[key])}`)
    .join(', ');
}

/** The file name of a template's exported presets. */
export function presetsFileName(strategyId: string): string {
  return `flotilla-presets-${strategyId}.json`;
}

/** "Imported 1 preset." / "Imported 3 presets." */
export function importedMessage(count: number): string {
  return `Imported ${count} ${count === 1 ? 'preset' : 'presets'}.`;
}
