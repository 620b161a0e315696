/**
 * Custom strategies (#/strategies/custom): add a strategy module of your own — pasted,
 * uploaded or from the example — checked in a worker before it is saved, and the list of
 * installed ones. They appear beside the built-in templates (src/ui/catalog.ts) and each bot
 * runs its custom strategy in a worker of its own (src/host/custom).
 */
import type { JSX } from 'solid-js';
import { usePageTitle } from '../pageTitle';
import { createCustomStrategyForm } from '../stores/createCustomStrategyForm';
import { CustomStrategyForm } from './CustomStrategyForm';
import { CustomStrategyList } from './CustomStrategyList';

export function CustomStrategiesPage(): JSX.Element {
  usePageTitle(() => 'Custom strategies');
  const form = createCustomStrategyForm();
  return (
    <section class="page narrow">
      <h1 tabindex="-1">Custom strategies</h1>
      <p class="lead">
        Write a strategy of your own against the strategy SDK and add it here: it is checked in a
        worker, then listed beside the built-in templates. Each bot runs it in a worker of its own;
        a strategy that fails or hangs stops only its own bot. Add only code you trust: it runs with
        this app's permissions.
      </p>
      <CustomStrategyForm form={form} />
      <CustomStrategyList />
    </section>
  );
}
