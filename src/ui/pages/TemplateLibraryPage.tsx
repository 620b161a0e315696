/**
 * The template library (`#/templates`): every strategy template as a card — what it does, its
 * parameters, a one-week preview, its presets — with a category filter. Built from the
 * catalogue, so new templates appear without changes here.
 */
import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import { STRATEGIES } from '../catalog';
import { EmptyState } from '../components/EmptyState';
import { usePageTitle } from '../pageTitle';
import {
  CATEGORY_FILTERS,
  categoryLabel,
  templatesIn,
  type CategoryFilter,
} from '../stores/templateLibrary';
import { TemplateCard } from './TemplateCard';

function CategoryFilterField(props: {
  value: CategoryFilter;
  onChange: (value: CategoryFilter) => void;
}): JSX.Element {
  return (
    <fieldset class="fieldset template-filter">
      <legend>Category</legend>
      <div class="radio-group">
        <For each={CATEGORY_FILTERS}>
          {(choice) => (
            <label class="radio">
              <input
                type="radio"
                name="template-category"
                value={choice.value}
                checked={props.value === choice.value}
                onChange={() => props.onChange(choice.value)}
              />
              {choice.label}
            </label>
          )}
        </For>
      </div>
    </fieldset>
  );
}

export function TemplateLibraryPage(): JSX.Element {
  usePageTitle(() => 'Template library');
  const [category, setCategory] = createSignal<CategoryFilter>('all');
  const shown = createMemo(() => templatesIn(STRATEGIES, category()));
  return (
    <section class="page">
      <h1 tabindex="-1">Template library</h1>
      <p class="lead">
        Strategy templates to start a bot from. Preview one on a week of real BTC/USDT data, save
        your own parameter presets, and use either in a new bot.
      </p>
      <CategoryFilterField value={category()} onChange={setCategory} />
      <p class="muted" aria-live="polite">
        Templates shown: {shown().length} of {STRATEGIES.length}.
      </p>
      <Show
        when={shown().length > 0}
        fallback={
          <EmptyState message={`No templates in the ${categoryLabel(category())} category yet`} />
        }
      >
        <div class="template-grid">
          <For each={shown()}>{(strategy) => <TemplateCard strategy={strategy} />}</For>
        </div>
      </Show>
    </section>
  );
}
