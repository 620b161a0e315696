/**
 * Live events to every listener: the worker's broadcast (other tabs) and the listeners the
 * leading tab subscribed over Comlink, which get them in batches (liveBatcher.ts) so a busy
 * engine costs the main thread one message per batch. A listener in a closed tab (a dead
 * proxy) fails and is dropped.
 */
import type { Timers } from '../core/time';
import type { LiveEvent } from './engineApi';
import { createLiveBatcher } from './liveBatcher';

export function createLiveFanout(broadcast: (event: LiveEvent) => void, timers: Timers) {
  const subscribers = new Map<string, (events: readonly LiveEvent[]) => void>();
  let nextSubscription = 1;
  const toSubscribers = createLiveBatcher({
    timers,
    deliver: (events) => {
      for (const [id, listener] of subscribers) {
        const drop = () => subscribers.delete(id);
        try {
          const result: unknown = listener(events);
          if (result instanceof Promise) result.catch(drop);
        } catch {
          drop();
        }
      }
    },
  });
  return {
    publish(event: LiveEvent): void {
      broadcast(event);
      if (subscribers.size > 0) toSubscribers.push(event);
    },
    /** Delivers pending batches now (shutdown). */
    flush(): void {
      toSubscribers.flush();
    },
    /** Resolves to the subscription's id. */
    subscribe(listener: (events: readonly LiveEvent[]) => void): string {
      const id = `sub-${nextSubscription++}`;
      subscribers.set(id, listener);
      return id;
    },
    unsubscribe(subscriptionId: string): void {
      subscribers.delete(subscriptionId);
    },
  };
}
