/**
 * The per-bot risk section of the create wizard and the edit page: stop-loss (percent or price,
 * optionally placed on the exchange), take-profit steps, trailing stop, ROI table and the
 * pre-trade limits. Every input is text in a RiskDraft; errors come from core's
 * validateRiskConfig, keyed `risk.<field>`, and show at their inputs. Hints show each range.
 */
import { For, Show, type JSX } from 'solid-js';
import { RISK_RULES } from '../../core/risk/riskConfig';
import { CheckboxField, FieldMessages } from '../components/FormField';
import type { RiskDraft, RiskLimitKey, StopLossKind } from '../stores/riskDraft';
import { NumberInput, ruleHelp, type RiskForm } from './RiskInputs';
import { RiskRows } from './RiskRows';

export type { RiskForm } from './RiskInputs';

const STOP_KINDS: { kind: StopLossKind; label: string }[] = [
  { kind: 'off', label: 'Off' },
  { kind: 'percent', label: 'Percent below entry' },
  { kind: 'price', label: 'Fixed price' },
];

function StopLossFields(props: { form: RiskForm }): JSX.Element {
  const risk = (): RiskDraft => props.form.risk();
  const set = (patch: Partial<RiskDraft>): void =>
    props.form.setRisk('risk.stopLoss', { ...risk(), ...patch });
  const valueField = (): string => `risk.stopLoss.${risk().stopLossKind}`;
  const error = (): string | undefined =>
    props.form.errorFor(valueField()) ?? props.form.errorFor('risk.stopLoss');
  return (
    <fieldset class="fieldset">
      <legend>Stop-loss</legend>
      <div class="radio-group" role="radiogroup" aria-label="Stop-loss kind">
        <For each={STOP_KINDS}>
          {(choice) => (
            <label class="radio">
              <input
                type="radio"
                name="risk-stop-kind"
                value={choice.kind}
                checked={risk().stopLossKind === choice.kind}
                onChange={() => set({ stopLossKind: choice.kind })}
              />
              {choice.label}
            </label>
          )}
        </For>
      </div>
      <Show when={risk().stopLossKind !== 'off'}>
        <NumberInput
          id="risk-stop-value"
          label={risk().stopLossKind === 'percent' ? 'Stop-loss percent' : 'Stop-loss price'}
          unit={risk().stopLossKind === 'percent' ? '%' : props.form.quote()}
          value={risk().stopLossValue}
          help={
            risk().stopLossKind === 'percent'
              ? ruleHelp(
                  RISK_RULES.stopLossPercent,
                  'Exit when the price falls this far below the average entry.',
                )
              : ruleHelp(RISK_RULES.stopLossPrice, 'Exit when the price falls to this level.')
          }
          error={error()}
          onInput={(value) => set({ stopLossValue: value })}
        />
        <CheckboxField
          id="risk-stop-exchange"
          label="Place the stop-loss on the exchange when it supports native stops"
          help="Otherwise the engine watches the price and exits itself."
          checked={risk().stopLossOnExchange}
          error={props.form.errorFor('risk.stopLoss.onExchange')}
          onChange={(checked) => set({ stopLossOnExchange: checked })}
        />
      </Show>
    </fieldset>
  );
}

function TrailingFields(props: { form: RiskForm }): JSX.Element {
  const risk = (): RiskDraft => props.form.risk();
  const set = (patch: Partial<RiskDraft>): void =>
    props.form.setRisk('risk.trailingStop', { ...risk(), ...patch });
  return (
    <fieldset class="fieldset">
      <legend>Trailing stop</legend>
      <CheckboxField
        id="risk-trailing"
        label="Use a trailing stop"
        checked={risk().isTrailing}
        error={props.form.errorFor('risk.trailingStop')}
        onChange={(checked) => set({ isTrailing: checked })}
      />
      <Show when={risk().isTrailing}>
        <div class="risk-pair">
          <NumberInput
            id="risk-trailing-percent"
            label="Trailing distance"
            unit="%"
            value={risk().trailingPercent}
            help={ruleHelp(RISK_RULES.trailingPercent, 'Below the highest price since entry.')}
            error={props.form.errorFor('risk.trailingStop.percent')}
            onInput={(value) => set({ trailingPercent: value })}
          />
          <NumberInput
            id="risk-trailing-activation"
            label="Activation gain"
            unit="%"
            value={risk().trailingActivation}
            help={ruleHelp(
              RISK_RULES.trailingActivation,
              'Armed once the price is this far above entry; empty = from entry.',
            )}
            error={props.form.errorFor('risk.trailingStop.activationPercent')}
            onInput={(value) => set({ trailingActivation: value })}
          />
        </div>
      </Show>
    </fieldset>
  );
}

const LIMITS: { key: RiskLimitKey; label: string; unit?: 'quote' | '%' | 'min' }[] = [
  { key: 'maxPositionQuote', label: 'Max position value', unit: 'quote' },
  { key: 'maxPositionPercentOfAllocation', label: 'Max position of allocation', unit: '%' },
  { key: 'maxOpenOrders', label: 'Max open orders' },
  { key: 'maxTradesPerDay', label: 'Max trades per day' },
  { key: 'cooldownMinutesAfterLoss', label: 'Cooldown after a loss', unit: 'min' },
];

function LimitFields(props: { form: RiskForm }): JSX.Element {
  return (
    <fieldset class="fieldset">
      <legend>Limits</legend>
      <p class="field-help">Leave a limit empty for none.</p>
      <div class="risk-limits">
        <For each={LIMITS}>
          {(limit) => (
            <NumberInput
              id={`risk-${limit.key}`}
              label={limit.label}
              unit={limit.unit === 'quote' ? props.form.quote() : limit.unit}
              value={props.form.risk()[limit.key]}
              help={ruleHelp(RISK_RULES[limit.key])}
              error={props.form.errorFor(`risk.${limit.key}`)}
              onInput={(value) =>
                props.form.setRisk(`risk.${limit.key}`, {
                  ...props.form.risk(),
                  [limit.key]: value,
                })
              }
            />
          )}
        </For>
      </div>
    </fieldset>
  );
}

export function RiskFields(props: { form: RiskForm }): JSX.Element {
  return (
    <div class="risk-fields">
      <p class="field-help">
        Every rule is optional and applies to this bot only, even while it is paused. Leave a rule
        off to rely on the strategy alone.
      </p>
      <FieldMessages id="risk" error={props.form.errorFor('risk')} />
      <StopLossFields form={props.form} />
      <RiskRows form={props.form} kind="takeProfit" />
      <TrailingFields form={props.form} />
      <RiskRows form={props.form} kind="roiTable" />
      <LimitFields form={props.form} />
    </div>
  );
}
