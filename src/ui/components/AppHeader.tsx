/** The app bar: the Flotilla name, the main navigation, this tab's role, the kill switch and the vault's lock button. */
import { For, type JSX } from 'solid-js';
import { href, route, type Route } from '../router';
import { KillSwitch } from './KillSwitch';
import { RoleIndicator } from './RoleIndicator';
import { VaultLockButton } from './VaultLockButton';

const LINKS: readonly { label: string; path: string; routes: readonly Route['name'][] }[] = [
  { label: 'Dashboard', path: '/', routes: ['dashboard', 'bot', 'botReport'] },
  { label: 'New bot', path: '/bots/new', routes: ['createBot'] },
  { label: 'Templates', path: '/templates', routes: ['templates'] },
  { label: 'Backtest', path: '/backtest', routes: ['backtest'] },
  { label: 'Custom strategies', path: '/strategies/custom', routes: ['customStrategies'] },
  { label: 'Risk', path: '/risk', routes: ['risk'] },
  { label: 'Data', path: '/data', routes: ['data'] },
  { label: 'Accounts', path: '/accounts', routes: ['accounts'] },
  { label: 'Settings', path: '/settings', routes: ['settings'] },
];

export function AppHeader(): JSX.Element {
  return (
    <header class="app-header">
      <div class="app-header-inner">
        <a class="brand" href={href('/')} aria-label="Flotilla home">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>Flotilla</span>
        </a>
        <KillSwitch />
        <nav aria-label="Main">
          <ul class="nav-list">
            <For each={LINKS}>
              {(link) => (
                <li>
                  <a
                    class="nav-link"
                    href={href(link.path)}
                    aria-current={link.routes.includes(route().name) ? 'page' : undefined}
                  >
                    {link.label}
                  </a>
                </li>
              )}
            </For>
          </ul>
        </nav>
        <RoleIndicator />
        <VaultLockButton />
      </div>
    </header>
  );
}
