/**
 * The host's side of one custom strategy worker: spawns it on the first call, waits for its
 * "ready", then sends one request at a time (in call order) and times each answer. A worker
 * that does not answer in time is terminated and every call after that fails with the same
 * message, so a hanging module can only ever stall itself. An error the module raised comes
 * back as an Error with the module's message.
 */
import type { Timers } from '../../core/time';
import type { WorkerAnswers, WorkerCall, WorkerMessage, WorkerRequest } from './protocol';

/**
 * The part of a Web Worker the session uses. A DOM `Worker` is one; tests pass an in-process
 * fake or a Node worker thread behind a small adapter (testSupport.ts).
 */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface WorkerSessionOptions {
  spawn: () => WorkerLike;
  timers: Timers;
  /** How long one request may take once the worker runs. */
  answerTimeoutMs: number;
  /** How long the worker's script may take to start (download, parse). */
  startTimeoutMs: number;
  /** Names the worker in messages, e.g. `Custom strategy "SMA trend"`. */
  subject: string;
}

export interface WorkerSession {
  /** Sends `request` after every earlier one was answered; resolves to its answer. */
  call<C extends WorkerCall>(request: C): Promise<WorkerAnswers[C['type']]>;
  /** Terminates the worker (if started); pending and later calls fail. */
  close(): void;
}

interface Pending {
  id: number;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** "2 s", "1.5 s". */
function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

export function createWorkerSession(options: WorkerSessionOptions): WorkerSession {
  const { timers, subject } = options;
  let worker: WorkerLike | undefined;
  let ready: Promise<void> | undefined;
  let markReady: (() => void) | undefined;
  let failure: Error | undefined;
  let pending: Pending | undefined;
  let waiting: ((error: Error) => void) | undefined;
  let nextId = 1;
  let tail: Promise<unknown> = Promise.resolve();

  /** Ends the worker for good: every current and later call fails with `error`. */
  const fail = (error: Error) => {
    if (failure) return;
    failure = error;
    worker?.terminate();
    worker = undefined;
    pending?.reject(error);
    waiting?.(error);
  };

  const onMessage = (message: WorkerMessage) => {
    if (message.type === 'ready') {
      markReady?.();
      return;
    }
    if (!pending || message.id !== pending.id) return;
    if (message.ok) pending.resolve(message.value);
    else pending.reject(new Error(message.error));
  };

  const start = (): Promise<void> => {
    const spawned = options.spawn();
    worker = spawned;
    spawned.onmessage = (event) => onMessage(event.data as WorkerMessage);
    spawned.onerror = (event) => {
      event.preventDefault?.();
      fail(new Error(`${subject} stopped: ${event.message || 'its worker could not run'}`));
    };
    return new Promise<void>((resolve, reject) => {
      const timer = timers.setTimeout(
        () =>
          fail(new Error(`${subject} could not start within ${seconds(options.startTimeoutMs)}.`)),
        options.startTimeoutMs,
      );
      markReady = () => {
        timers.clearTimeout(timer);
        waiting = undefined;
        resolve();
      };
      waiting = (error) => {
        timers.clearTimeout(timer);
        reject(error);
      };
    });
  };

  const send = (request: WorkerCall) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      const timer = timers.setTimeout(
        () =>
          fail(
            new Error(
              `${subject} did not answer within ${seconds(options.answerTimeoutMs)} and was stopped (an endless loop?)`,
            ),
          ),
        options.answerTimeoutMs,
      );
      const settle = () => {
        timers.clearTimeout(timer);
        pending = undefined;
      };
      pending = {
        id,
        resolve: (value) => {
          settle();
          resolve(value);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      };
      try {
        worker?.postMessage({ ...request, id });
      } catch (error) {
        pending.reject(error instanceof Error ? error : new Error(String(error)));
      }
    });

  const run = async (request: WorkerCall): Promise<unknown> => {
    if (failure) throw failure;
    ready ??= start();
    await ready;
    if (failure) throw failure;
    return send(request);
  };

  return {
    call<C extends WorkerCall>(request: C) {
      const result = tail.then(() => run(request));
      tail = result.catch(() => undefined);
      return result as Promise<WorkerAnswers[C['type']]>;
    },
    close() {
      fail(new Error(`${subject} was unloaded.`));
    },
  };
}
