/**
 * A tiny hash router: the current route as a signal parsed from `location.hash`, and
 * `navigate(path)`. Hash routes keep the PWA's single index.html working offline on any host.
 */
import { createSignal } from 'solid-js';
import type { WizardPrefill } from './stores/wizardPrefill';

/** Query keys of #/bots/new that prefill the wizard (see stores/wizardPrefill.ts). */
const PREFILL_KEYS = ['template', 'preset', 'params', 'symbol', 'timeframe', 'clone'] as const;

export type Route =
  | { name: 'dashboard' }
  | { name: 'createBot'; prefill: WizardPrefill }
  | { name: 'editBot'; botId: string }
  | { name: 'templates' }
  | { name: 'customStrategies' }
  | { name: 'data' }
  | { name: 'bot'; botId: string }
  | { name: 'settings' }
  | { name: 'accounts' }
  | { name: 'risk' }
  | { name: 'backtest' }
  | { name: 'botReport'; botId: string }
  | { name: 'notFound'; path: string };

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Parses a location hash such as "#/bots/new?template=sma-cross" into a route. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const queryStart = raw.indexOf('?');
  const pathPart = queryStart >= 0 ? raw.slice(0, queryStart) : raw;
  const query = new URLSearchParams(queryStart >= 0 ? raw.slice(queryStart + 1) : '');
  const path = pathPart.replace(/\/+$/, '') || '/';

  if (path === '/') return { name: 'dashboard' };
  if (path === '/settings') return { name: 'settings' };
  if (path === '/accounts') return { name: 'accounts' };
  if (path === '/risk') return { name: 'risk' };
  if (path === '/templates') return { name: 'templates' };
  if (path === '/backtest') return { name: 'backtest' };
  const reportMatch = /^\/bots\/([^/]+)\/report$/.exec(path);
  const reportBotId = reportMatch?.[1] === undefined ? undefined : decode(reportMatch[1]);
  if (reportBotId) return { name: 'botReport', botId: reportBotId };
  if (path === '/strategies/custom') return { name: 'customStrategies' };
  if (path === '/data') return { name: 'data' };
  if (path === '/bots/new') {
    const prefill: WizardPrefill = {};
    for (const key of PREFILL_KEYS) {
      const value = query.get(key);
      if (value) prefill[key] = value;
    }
    return { name: 'createBot', prefill };
  }
  const editMatch = /^\/bots\/([^/]+)\/edit$/.exec(path);
  const editId = editMatch?.[1] === undefined ? undefined : decode(editMatch[1]);
  if (editId) return { name: 'editBot', botId: editId };
  const botMatch = /^\/bots\/([^/]+)$/.exec(path);
  const botId = botMatch?.[1] === undefined ? undefined : decode(botMatch[1]);
  if (botId) return { name: 'bot', botId };
  return { name: 'notFound', path };
}

const initialHash = typeof location === 'undefined' ? '' : location.hash;
const [route, setRoute] = createSignal<Route>(parseRoute(initialHash));

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => setRoute(parseRoute(location.hash)));
}

/** The current route (reactive). */
export { route };

/** The href of an in-app path, e.g. `href('/settings')` → "#/settings". */
export function href(path: string): string {
  return `#${path}`;
}

/** Goes to an in-app path such as "/bots/abc"; adds a history entry. */
export function navigate(path: string): void {
  const target = href(path);
  if (location.hash === target) {
    setRoute(parseRoute(target));
    return;
  }
  location.hash = target;
}
