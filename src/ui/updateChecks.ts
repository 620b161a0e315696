/**
 * Periodic service-worker update checks. A trading tab stays open for days without a reload,
 * and the browser only looks for a new service worker on navigations (and on events more than
 * a day after its last look), so such a tab would not hear of a new version. This asks the
 * registration every hour instead; the update banner then offers the reload as usual.
 */

/** How often an open tab looks for a new version. */
export const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/** The part of a `ServiceWorkerRegistration` the checks use. */
export interface UpdatableRegistration {
  readonly installing: unknown;
  update(): Promise<unknown>;
}

export interface UpdateCheckOptions {
  readonly intervalMs?: number;
  /** False while the browser is offline: the check is skipped rather than failing. */
  readonly isOnline?: () => boolean;
}

/** Starts the checks; the returned function stops them. */
export function scheduleUpdateChecks(
  registration: UpdatableRegistration,
  options: UpdateCheckOptions = {},
): () => void {
  const intervalMs = options.intervalMs ?? UPDATE_CHECK_INTERVAL_MS;
  const isOnline = options.isOnline ?? (() => navigator.onLine);
  const timer = setInterval(() => {
    // A worker already installing is this same update; offline, there is nothing to fetch.
    if (registration.installing || !isOnline()) return;
    registration.update().catch((error: unknown) => {
      // The server may be down or the network gone between the online check and the fetch:
      // the next check tries again, and the running version keeps working meanwhile.
      console.warn('Checking for a new version failed', error);
    });
  }, intervalMs);
  return () => clearInterval(timer);
}
