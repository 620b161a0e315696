/**
 * Best-effort removal, before a custom module is imported, of the worker globals it has no
 * business using: the network, the app's storage and channels to other parts of the app
 * (e.g. BroadcastChannel, which could send engine commands). A strategy only computes.
 * This narrows what careless or copied code can reach; it is not a security sandbox — the
 * module still runs with the app's origin (docs/strategy-guide.md, "Custom strategies").
 */

/** Globals a strategy module never needs. */
export const REMOVED_GLOBALS = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebTransport',
  'EventSource',
  'indexedDB',
  'caches',
  'cookieStore',
  'importScripts',
  'Worker',
  'SharedWorker',
  'BroadcastChannel',
] as const;

/** Deletes `name` from `scope` and every prototype of it that defines it. */
function deleteEverywhere(scope: object, name: string): void {
  for (let owner: object | null = scope; owner; owner = Object.getPrototypeOf(owner) as object) {
    if (Object.hasOwn(owner, name)) Reflect.deleteProperty(owner, name);
  }
}

/**
 * Removes REMOVED_GLOBALS from `scope`, own or inherited (browsers define many on the global
 * scope's prototypes); returns the names that are gone.
 */
export function hardenScope(scope: object): string[] {
  const removed: string[] = [];
  for (const name of REMOVED_GLOBALS) {
    if (!(name in scope)) continue;
    try {
      deleteEverywhere(scope, name);
      // Not deletable somewhere along the chain: shadow it.
      if (name in scope) {
        Object.defineProperty(scope, name, { value: undefined, configurable: false });
      }
      removed.push(name);
    } catch {
      // Neither deletable nor shadowable in this browser: leave it.
    }
  }
  return removed;
}
