/**
 * Service-worker updates, on the user's terms: "A new version of Flotilla is available." with a
 * "Reload to update" button (the page reloads only after that click, never while bots run
 * unattended), and a dismissible "ready to work offline" note. An open tab looks for a new
 * version every hour (updateChecks.ts), since a trading tab may go days without a reload.
 */
import { onCleanup, Show, type JSX } from 'solid-js';
import { useRegisterSW } from 'virtual:pwa-register/solid';
import { scheduleUpdateChecks } from '../updateChecks';

export function UpdateBanner(): JSX.Element {
  let hasUserAskedToUpdate = false;
  // A tab that loaded before any service worker existed is not running an old version: when
  // another tab installs the first worker, that is "ready offline", not an update.
  const wasControlledAtLoad = Boolean(navigator.serviceWorker?.controller);
  let hasNewWorkerTakenControl = false;
  let stopUpdateChecks: (() => void) | undefined;
  onCleanup(() => stopUpdateChecks?.());
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    immediate: true,
    onNeedRefresh() {
      void navigator.serviceWorker.getRegistration().then((registration) => {
        if (!wasControlledAtLoad && !registration?.waiting) {
          setNeedRefresh(false);
          setOfflineReady(true);
        }
      });
    },
    // Another tab may activate the new worker; this tab then keeps running and only offers
    // the reload, so a leader tab never restarts its bots by surprise.
    onNeedReload() {
      if (hasUserAskedToUpdate) {
        window.location.reload();
        return;
      }
      hasNewWorkerTakenControl = true;
      setNeedRefresh(true);
    },
    onRegisteredSW(_scriptUrl: string, registration: ServiceWorkerRegistration | undefined) {
      if (registration) stopUpdateChecks = scheduleUpdateChecks(registration);
    },
    onRegisterError(error: unknown) {
      console.warn('Service worker registration failed', error);
    },
  });

  const reloadToUpdate = (): void => {
    hasUserAskedToUpdate = true;
    if (hasNewWorkerTakenControl) {
      window.location.reload();
      return;
    }
    void updateServiceWorker(true);
  };

  return (
    <div class="banners" aria-live="polite">
      <Show when={needRefresh()}>
        <div class="banner banner-update" role="region" aria-label="Update available">
          <p>A new version of Flotilla is available.</p>
          <button type="button" class="button button-primary" onClick={reloadToUpdate}>
            Reload to update
          </button>
        </div>
      </Show>
      <Show when={offlineReady() && !needRefresh()}>
        <div class="banner banner-info" role="region" aria-label="Offline ready">
          <p>Flotilla is ready to work offline.</p>
          <button type="button" class="button" onClick={() => setOfflineReady(false)}>
            Dismiss
          </button>
        </div>
      </Show>
    </div>
  );
}
