/**
 * Persists the latest of a stream of values without queueing every one: while a write is in
 * flight, newer values replace each other and only the newest is written next. Used for the
 * simulator's state, which changes on every played candle.
 */
export interface CoalescingWriter<T> {
  write(value: T): void;
  /** Resolves once the newest value so far is stored. */
  flush(): Promise<void>;
}

export function createCoalescingWriter<T>(
  save: (value: T) => Promise<void>,
  onError: (error: unknown) => void,
): CoalescingWriter<T> {
  let pending: { value: T } | undefined;
  let running: Promise<void> | undefined;

  const drain = async () => {
    while (pending) {
      const { value } = pending;
      pending = undefined;
      try {
        await save(value);
      } catch (error) {
        onError(error);
      }
    }
    running = undefined;
  };

  return {
    write(value) {
      pending = { value };
      running ??= drain();
    },
    async flush() {
      while (running) await running;
    },
  };
}
