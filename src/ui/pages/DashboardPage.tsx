/**
 * The dashboard: portfolio summary and every bot with live PnL, as a table on wide screens and
 * cards below 640 px. Shows a loading state, then an empty state inviting the first bot.
 * Search, filters and sort (kept in sessionStorage for the tab) narrow the list; checkboxes
 * select bots for bulk Start / Pause / Resume / Stop / Duplicate / Archive / Unarchive / Delete.
 * Archived bots are hidden unless the Archived status filter is chosen.
 */
import { Match, Show, Switch, type JSX } from 'solid-js';
import { EmptyState } from '../components/EmptyState';
import { useLive } from '../EngineProvider';
import { createMediaQuery } from '../mediaQuery';
import { usePageTitle } from '../pageTitle';
import { href, navigate } from '../router';
import { createBotListView } from '../stores/createBotListView';
import { createBotsStore } from '../stores/createBotsStore';
import { createSparklines } from '../stores/createSparklines';
import { createTodayPnl } from '../stores/createTodayPnl';
import { useMarkets } from '../stores/marketCatalog';
import { createNow } from '../relativeTime';
import { BotCards } from './BotCards';
import { BotListToolbar } from './BotListToolbar';
import { BulkBar } from './BulkBar';
import './botList.css';
import { BotsTable } from './BotsTable';
import { PortfolioSummary } from './PortfolioSummary';
import { RecentRiskEvents } from './risk/RiskSummary';

export function DashboardPage(): JSX.Element {
  usePageTitle(() => 'Dashboard');
  const live = useLive();
  const store = createBotsStore(live, useMarkets());
  const view = createBotListView(store);
  const isNarrow = createMediaQuery('(max-width: 639.98px)');
  const sparklines = createSparklines(() => view.matching().map((bot) => bot.id));
  const now = createNow();
  const today = createTodayPnl(store, live, now, (bot) => store.stepsOf(bot).amount);
  const parts = { store, view, sparklines, now };
  return (
    <section class="page" aria-busy={store.loaded() ? undefined : 'true'}>
      <div class="page-head">
        <h1 tabindex="-1">Dashboard</h1>
        <Show when={store.everyBot().length > 0}>
          <a class="button button-primary" href={href('/bots/new')}>
            Create a bot
          </a>
        </Show>
      </div>
      <Switch>
        <Match when={!store.loaded()}>
          <p class="loading">Loading bots…</p>
        </Match>
        <Match when={store.error()}>
          <p class="form-error" role="alert">
            Could not read your bots from this browser's storage.
          </p>
        </Match>
        <Match when={store.everyBot().length === 0}>
          <EmptyState message="No bots yet">
            <p>A bot trades one market with a strategy template and its own capital.</p>
            <button
              type="button"
              class="button button-primary"
              onClick={() => navigate('/bots/new')}
            >
              Create your first bot
            </button>
          </EmptyState>
        </Match>
        <Match when={store.everyBot().length > 0}>
          <PortfolioSummary store={store} today={today} />
          <h2 class="section-title">Bots</h2>
          <BotListToolbar view={view} />
          <BulkBar view={view} />
          <Show
            when={view.matching().length > 0}
            fallback={
              <EmptyState message="No bots match these filters">
                <button type="button" class="button" onClick={() => view.clearFilters()}>
                  Clear filters
                </button>
              </EmptyState>
            }
          >
            <Show when={isNarrow()} fallback={<BotsTable {...parts} />}>
              <BotCards {...parts} />
            </Show>
          </Show>
          <RecentRiskEvents bots={store.bots()} />
        </Match>
      </Switch>
    </section>
  );
}
