/**
 * Which tab runs the bots: this one (leader), another Flotilla tab (this one mirrors it), or
 * not yet known. Announced politely when it changes, e.g. when this tab takes over.
 */
import type { JSX } from 'solid-js';
import type { TabRole } from '../connectionTypes';
import { useEngine } from '../EngineProvider';

const ROLE_TEXT: Record<TabRole, string> = {
  connecting: 'Connecting…',
  leader: 'This tab runs your bots',
  follower: 'Bots run in another Flotilla tab — this one mirrors them',
};

export function RoleIndicator(): JSX.Element {
  const { role } = useEngine();
  return (
    <p class="role-indicator" data-role={role()} aria-live="polite">
      <span class="role-dot" aria-hidden="true" />
      {ROLE_TEXT[role()]}
    </p>
  );
}
