/** The Flotilla UI: app shell (header, update banner, announcer) and hash-routed pages in src/ui.
 * Reads durable state from IndexedDB (liveQuery) and live prices from the engine; every command
 * goes through the EngineApi. src/ui imports core, db, host and strategies — never ccxt/exchange. */
import { createEffect, Match, on, Show, Suspense, Switch, type JSX } from 'solid-js';
import { announcement } from './announcer';
import { AppHeader } from './components/AppHeader';
import { UpdateBanner } from './components/UpdateBanner';
import { EngineProvider } from './EngineProvider';
import { DashboardPage } from './pages/DashboardPage';
import {
  AccountsPage,
  BacktestPage,
  BotPage,
  BotReportPage,
  CreateBotPage,
  CustomStrategiesPage,
  DataPage,
  EditBotPage,
  RiskPage,
  SettingsPage,
  TemplateLibraryPage,
} from './lazyPages';
import { NotFoundPage } from './pages/NotFoundPage';
import { route, type Route } from './router';
import { UnlockScreen } from './components/UnlockScreen';
import { useVault } from './vaultState';

/** The pages, or the unlock screen while a vault exists and is locked. */
function LockedOrPages(): JSX.Element {
  const vault = useVault();
  return (
    <Show when={vault.status()?.state !== 'locked'} fallback={<UnlockScreen />}>
      <Suspense
        fallback={
          <p class="muted" role="status" aria-busy="true">
            Loading the page…
          </p>
        }
      >
        <Pages />
      </Suspense>
    </Show>
  );
}

function Pages(): JSX.Element {
  const routeAs = <N extends Route['name']>(name: N) => {
    const current = route();
    return current.name === name ? (current as Extract<Route, { name: N }>) : undefined;
  };
  return (
    <Switch>
      <Match when={routeAs('dashboard')}>
        <DashboardPage />
      </Match>
      <Match when={routeAs('createBot')} keyed>
        {(current) => <CreateBotPage prefill={current.prefill} />}
      </Match>
      <Match when={routeAs('editBot')?.botId} keyed>
        {(botId) => <EditBotPage botId={botId} />}
      </Match>
      <Match when={routeAs('bot')?.botId} keyed>
        {(botId) => <BotPage botId={botId} />}
      </Match>
      <Match when={routeAs('templates')}>
        <TemplateLibraryPage />
      </Match>
      <Match when={routeAs('customStrategies')}>
        <CustomStrategiesPage />
      </Match>
      <Match when={routeAs('risk')}>
        <RiskPage />
      </Match>
      <Match when={routeAs('data')}>
        <DataPage />
      </Match>
      <Match when={routeAs('backtest')}>
        <BacktestPage />
      </Match>
      <Match when={routeAs('botReport')?.botId} keyed>
        {(botId) => <BotReportPage botId={botId} />}
      </Match>
      <Match when={routeAs('accounts')}>
        <AccountsPage />
      </Match>
      <Match when={routeAs('settings')}>
        <SettingsPage />
      </Match>
      <Match when={routeAs('notFound')} keyed>
        {(current) => <NotFoundPage path={current.path} />}
      </Match>
    </Switch>
  );
}

/**
 * Focuses the page's heading once it is on screen: a page loaded on first visit needs a few
 * frames (its chunk), so this looks each frame for up to two seconds.
 */
function focusHeadingWhenShown(): void {
  const until = performance.now() + 2000;
  const attempt = (): void => {
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) {
      heading.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    } else if (performance.now() < until) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

/** Moves focus to the new page's heading after in-app navigation, for keyboard and AT users. */
function focusPageHeadingOnNavigation(): void {
  createEffect(
    on(
      () => route().name,
      () => focusHeadingWhenShown(),
      { defer: true },
    ),
  );
}

/** The skip link focuses <main> itself: following "#main" would change the hash route. */
function skipToContent(event: MouseEvent): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

export function App(): JSX.Element {
  focusPageHeadingOnNavigation();
  return (
    <EngineProvider>
      <a class="skip-link" href="#main" onClick={skipToContent}>
        Skip to content
      </a>
      <AppHeader />
      <UpdateBanner />
      <main id="main" class="app-main" tabindex="-1">
        <LockedOrPages />
      </main>
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement()}
      </div>
    </EngineProvider>
  );
}
