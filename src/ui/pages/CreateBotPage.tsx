/**
 * Create a bot, as a wizard: account and mode → market → template → parameters → risk →
 * review (with a quick backtest) → Create, optionally starting it. "Next" checks the step shown
 * and stays with its errors at the fields; the draft (values and step) survives reloads; links
 * may prefill it (wizardPrefill.ts: template, preset, params, clone). A config JSON may be
 * imported. The engine validates again on Create and its field errors show at their fields.
 */
import { createEffect, createSignal, For, Match, on, Show, Switch, type JSX } from 'solid-js';
import { useEngine } from '../EngineProvider';
import { usePageTitle } from '../pageTitle';
import { navigate } from '../router';
import { createBotFormStore, type BotFormStore } from '../stores/createBotFormStore';
import type { WizardPrefill } from '../stores/wizardPrefill';
import { hasPrefill } from '../stores/wizardPrefill';
import { REVIEW_STEP, WIZARD_STEPS } from '../stores/wizardSteps';
import { ImportConfig } from './ImportConfig';
import { ParamFields } from './ParamFields';
import { PresetFields } from './PresetFields';
import { RiskFields } from './RiskFields';
import { AccountStep, MarketStep, TemplateStep } from './WizardChoices';
import { WizardReview } from './WizardReview';
import './wizard.css';

function focusFirstInvalid(form: HTMLFormElement): void {
  requestAnimationFrame(() => {
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}

function StepIndicator(props: { form: BotFormStore }): JSX.Element {
  return (
    <nav aria-label="Wizard steps">
      <ol class="wizard-steps">
        <For each={WIZARD_STEPS}>
          {(step, index) => (
            <li
              aria-current={props.form.draft.step === index() ? 'step' : undefined}
              data-state={props.form.draft.step > index() ? 'done' : undefined}
            >
              <Show
                when={index() < props.form.draft.step}
                fallback={
                  <span class="wizard-step">
                    <span class="wizard-step-number">{index() + 1}</span>
                    <span class="wizard-step-title">{step.title}</span>
                  </span>
                }
              >
                <button
                  type="button"
                  class="wizard-step"
                  aria-label={`Step ${index() + 1}: ${step.title} (done, go back)`}
                  onClick={() => props.form.goTo(index())}
                >
                  {/* The space keeps "1 Account" two words, so the visible text is part of
                      the name (WCAG 2.5.3); flex layout drops it. */}
                  <span class="wizard-step-number">{index() + 1}</span>{' '}
                  <span class="wizard-step-title">{step.title}</span>
                </button>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </nav>
  );
}

function StepBody(props: { form: BotFormStore }): JSX.Element {
  const form = props.form;
  return (
    <Switch>
      <Match when={form.draft.step === 0}>
        <AccountStep form={form} />
      </Match>
      <Match when={form.draft.step === 1}>
        <MarketStep form={form} />
      </Match>
      <Match when={form.draft.step === 2}>
        <TemplateStep form={form} />
      </Match>
      <Match when={form.draft.step === 3}>
        <p class="field-help">{form.strategy()?.description}</p>
        <ParamFields form={form} />
        <PresetFields form={form} />
      </Match>
      <Match when={form.draft.step === 4}>
        <RiskFields
          form={{
            risk: () => form.draft.risk,
            setRisk: form.setRisk,
            errorFor: form.errorFor,
            quote: () => form.market()?.quote ?? '',
          }}
        />
      </Match>
      <Match when={form.draft.step === REVIEW_STEP}>
        <WizardReview form={form} />
      </Match>
    </Switch>
  );
}

function StepProblems(props: { form: BotFormStore; isShown: boolean }): JSX.Element {
  const problems = () => props.form.stepErrors(props.form.draft.step);
  return (
    <Show when={props.isShown && problems().length > 0}>
      <div class="form-error" role="alert">
        <p>Fix {problems().length === 1 ? 'this' : 'these'} before going on:</p>
        <ul>
          <For each={problems()}>{(problem) => <li>{problem.message}</li>}</For>
        </ul>
      </div>
    </Show>
  );
}

function Wizard(props: { form: BotFormStore }): JSX.Element {
  const form = props.form;
  let formElement!: HTMLFormElement;
  let heading!: HTMLHeadingElement;
  const [refusedStep, setRefusedStep] = createSignal(-1);
  const refused = (): boolean => refusedStep() === form.draft.step;
  createEffect(
    on(
      () => form.draft.step,
      () => requestAnimationFrame(() => heading.focus({ preventScroll: false })),
      { defer: true },
    ),
  );
  const onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (form.draft.step < REVIEW_STEP) {
      if (!form.next()) {
        setRefusedStep(form.draft.step);
        focusFirstInvalid(formElement);
      }
      return;
    }
    const id = await form.submit();
    if (id) navigate(`/bots/${encodeURIComponent(id)}`);
    else focusFirstInvalid(formElement);
  };
  return (
    <>
      <StepIndicator form={form} />
      <Show when={form.draft.step === 0}>
        <ImportConfig form={form} />
      </Show>
      <form
        ref={formElement}
        class="form wizard-form"
        novalidate
        onSubmit={(event) => void onSubmit(event)}
      >
        <h2 ref={heading} tabindex="-1" class="wizard-heading">
          Step {form.draft.step + 1} of {WIZARD_STEPS.length}:{' '}
          {WIZARD_STEPS[form.draft.step]?.title}
        </h2>
        <StepBody form={form} />
        <StepProblems form={form} isShown={refused() || form.draft.step === REVIEW_STEP} />
        <Show when={form.formError()}>
          {(message) => (
            <p class="form-error" role="alert">
              {message()}
            </p>
          )}
        </Show>
        <div class="button-row wizard-nav">
          <Show when={form.draft.step > 0}>
            <button type="button" class="button" onClick={() => form.back()}>
              Back
            </button>
          </Show>
          <Show
            when={form.draft.step === REVIEW_STEP}
            fallback={
              <button type="submit" class="button button-primary">
                Next
              </button>
            }
          >
            <button
              type="submit"
              class="button button-primary"
              aria-disabled={form.isSubmitting() ? 'true' : undefined}
            >
              Create bot
            </button>
          </Show>
          <Show when={form.isSubmitting()}>
            <span class="muted" aria-live="polite">
              Creating the bot…
            </span>
          </Show>
        </div>
      </form>
    </>
  );
}

export function CreateBotPage(props: { prefill: WizardPrefill }): JSX.Element {
  usePageTitle(() => 'New bot');
  const form = createBotFormStore(useEngine().api, props.prefill);
  // A prefilled link is applied once: a reload then restores the draft, not the link.
  if (hasPrefill(props.prefill)) {
    createEffect(() => {
      if (form.isReady()) history.replaceState(history.state, '', '#/bots/new');
    });
  }
  return (
    <section class="page narrow">
      <h1 tabindex="-1">New bot</h1>
      <p class="lead">
        A bot trades one market with a strategy template and its own share of the account's capital.
        Your draft is saved as you go.
      </p>
      <Show when={form.notice()}>
        {(notice) => (
          <p class="form-error" role="alert">
            {notice()}
          </p>
        )}
      </Show>
      <Show when={form.isReady()} fallback={<p class="loading">Loading…</p>}>
        <Wizard form={form} />
      </Show>
    </section>
  );
}
