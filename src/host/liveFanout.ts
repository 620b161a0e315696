/**
 * Live events to every listener: the worker's broadcast (other tabs) and the listeners the
 * leading tab subscribed over Comlink. A listener in a closed tab (a dead proxy) fails and is
 * dropped.
 */
import type { LiveEvent } from './engineApi';

export function createLiveFanout(broadcast: (event: LiveEvent) => void) {
  const subscribers = new Map<string, (event: LiveEvent) => void>();
  let nextSubscription = 1;
  return {
    publish(event: LiveEvent): void {
      broadcast(event);
      for (const [id, listener] of subscribers) {
        const drop = () => subscribers.delete(id);
        try {
          const result: unknown = listener(event);
          if (result instanceof Promise) result.catch(drop);
        } catch {
          drop();
        }
      }
    },
    /** Resolves to the subscription's id. */
    subscribe(listener: (event: LiveEvent) => void): string {
      const id = `sub-${nextSubscription++}`;
      subscribers.set(id, listener);
      return id;
    },
    unsubscribe(subscriptionId: string): void {
      subscribers.delete(subscriptionId);
    },
  };
}
