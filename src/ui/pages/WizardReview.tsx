/**
 * The wizard's review step: everything the bot will be created with (each group with a button
 * back to its step), the optional quick backtest, and "Start the bot now". The Create button is
 * the wizard's own (CreateBotPage), so Enter on this step creates.
 */
import { For, type JSX } from 'solid-js';
import type { BotConfig } from '../../core/bot/types';
import type { ParamSpec } from '../../core/strategy/types';
import { strategyName } from '../catalog';
import { CheckboxField } from '../components/FormField';
import { formatAmount } from '../format';
import { describeParam, describeRisk } from '../stores/configDiff';
import { toBotConfig } from '../stores/createBotDraft';
import type { BotFormStore } from '../stores/createBotFormStore';
import { WIZARD_STEPS } from '../stores/wizardSteps';
import { QuickBacktest } from './QuickBacktest';

interface Group {
  step: number;
  rows: { label: string; value: string }[];
}

function groupsOf(config: BotConfig, form: BotFormStore): Group[] {
  const account = form.accounts().find((each) => each.id === config.accountId);
  const quote = form.market()?.quote ?? config.symbol.split('/')[1] ?? '';
  const specs = (form.strategy()?.params ?? {}) as Record<string, ParamSpec>;
  return [
    {
      step: 0,
      rows: [
        { label: 'Name', value: config.name || '—' },
        { label: 'Account', value: account?.name ?? config.accountId },
        { label: 'Mode', value: config.mode },
      ],
    },
    {
      step: 1,
      rows: [
        { label: 'Market', value: config.symbol || '—' },
        { label: 'Allocation', value: formatAmount(config.allocation, quote) },
      ],
    },
    {
      step: 2,
      rows: [
        { label: 'Template', value: strategyName(config.strategyId) },
        { label: 'Timeframe', value: config.timeframe },
      ],
    },
    {
      step: 3,
      rows: Object.entries(specs).map(([key, spec]) => ({
        label: spec.label,
        value: describeParam(spec, config.params[key]),
      })),
    },
    { step: 4, rows: describeRisk(config.risk, quote) },
  ];
}

export function WizardReview(props: { form: BotFormStore }): JSX.Element {
  const form = props.form;
  const config = (): BotConfig | undefined => {
    const strategy = form.strategy();
    return strategy ? toBotConfig(form.draft, strategy) : undefined;
  };
  return (
    <>
      <div class="review-groups">
        <For each={config() ? groupsOf(config() as BotConfig, form) : []}>
          {(group) => (
            <section class="review-group" aria-labelledby={`review-${group.step}`}>
              <div class="review-group-head">
                <h3 id={`review-${group.step}`} class="section-title">
                  {WIZARD_STEPS[group.step]?.title}
                </h3>
                <button
                  type="button"
                  class="button button-small"
                  aria-label={`Change ${WIZARD_STEPS[group.step]?.title.toLowerCase()}`}
                  onClick={() => form.goTo(group.step)}
                >
                  Change
                </button>
              </div>
              <dl class="facts">
                <For each={group.rows}>
                  {(row) => (
                    <div>
                      <dt>{row.label}</dt>
                      <dd>{row.value}</dd>
                    </div>
                  )}
                </For>
              </dl>
            </section>
          )}
        </For>
      </div>
      <QuickBacktest
        config={() => config() as BotConfig}
        isCustom={form.strategy()?.isCustom === true}
      />
      <CheckboxField
        id="bot-start"
        label="Start the bot now"
        checked={form.draft.start}
        onChange={(checked) => form.setStart(checked)}
      />
    </>
  );
}
