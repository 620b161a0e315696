/**
 * One template in the library: name, category, description, parameters, an on-demand preview
 * (computed in a worker), "Use <name>" (opens the create form with it) and its presets.
 */
import type { JSX } from 'solid-js';
import type { AnyStrategy } from '../../core/strategy/types';
import { href } from '../router';
import { categoryLabel } from '../stores/templateLibrary';
import { ParamsTable } from './ParamsTable';
import { TemplatePresets } from './TemplatePresets';
import { createTemplatePreview, TemplatePreview } from './TemplatePreview';

export function TemplateCard(props: { strategy: AnyStrategy }): JSX.Element {
  const strategy = props.strategy;
  const titleId = `template-${strategy.id}-title`;
  const preview = createTemplatePreview(strategy.id, strategy.name);
  return (
    <article class="card template-card" aria-labelledby={titleId}>
      <div class="template-card-head">
        <h2 id={titleId}>{strategy.name}</h2>
        <span class="badge">
          <span class="visually-hidden">Category: </span>
          {categoryLabel(strategy.category)}
        </span>
      </div>
      <p>{strategy.description}</p>
      <p class="muted small">Designed for {strategy.timeframe} candles.</p>
      <ParamsTable strategy={strategy} />
      <div class="button-row">
        <button
          type="button"
          class="button"
          aria-label={`Preview ${strategy.name}`}
          aria-disabled={preview.result.loading ? 'true' : undefined}
          onClick={() => {
            if (!preview.result.loading) preview.start();
          }}
        >
          Preview
        </button>
        <a
          class="button button-primary"
          href={href(`/bots/new?template=${encodeURIComponent(strategy.id)}`)}
        >
          Use {strategy.name}
        </a>
      </div>
      <TemplatePreview state={preview} name={strategy.name} />
      <TemplatePresets strategy={strategy} />
    </article>
  );
}
