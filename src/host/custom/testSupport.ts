/**
 * Test support (imported only by *.test.ts): the real worker-side endpoint behind a WorkerLike,
 * either in-process (messages structured-cloned and delivered asynchronously, as a worker's
 * are) or in a Node worker thread (so a module can really hang and be terminated). Module
 * source is imported from data: URLs, which Node supports and blob: URLs are not.
 */
import { Worker } from 'node:worker_threads';
import { createCustomStrategyEndpoint, serveCustomStrategy } from './endpoint';
import { importModuleSource, type ModuleUrlMaker } from './importModuleSource';
import type { WorkerMessage, WorkerRequest } from './protocol';
import type { WorkerLike } from './workerSession';

export const dataModuleUrl: ModuleUrlMaker = (source) => ({
  url: `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`,
  release: () => undefined,
});

/** The endpoint as the worker entry builds it, importing from data: URLs. */
export function createTestEndpoint() {
  return createCustomStrategyEndpoint({
    importSource: (source) => importModuleSource(source, dataModuleUrl),
  });
}

export interface FakeWorker extends WorkerLike {
  /** Every request the worker received, in order. */
  received: WorkerRequest[];
  isTerminated: boolean;
}

/** A WorkerLike running the real endpoint in this thread. */
export function createInProcessWorker(): FakeWorker {
  let listener: ((event: MessageEvent) => void) | undefined;
  const worker: FakeWorker = {
    received: [],
    isTerminated: false,
    onmessage: null,
    onerror: null,
    postMessage(request) {
      if (worker.isTerminated) return;
      worker.received.push(request);
      const data: unknown = structuredClone(request);
      queueMicrotask(() => listener?.({ data } as MessageEvent));
    },
    terminate() {
      worker.isTerminated = true;
    },
  };
  serveCustomStrategy(
    {
      postMessage(message: WorkerMessage) {
        const data: unknown = structuredClone(message);
        queueMicrotask(() => {
          if (!worker.isTerminated) worker.onmessage?.({ data } as MessageEvent);
        });
      },
      addEventListener: (_type, next) => {
        listener = next;
      },
    },
    createTestEndpoint(),
  );
  return worker;
}

/**
 * A WorkerLike backed by a Node worker thread running nodeWorkerEntry.ts (TypeScript through
 * tsx, loaded from the working directory: run tests from the repository root).
 */
export function spawnNodeWorker(): WorkerLike & { exited: Promise<number> } {
  const entry = new URL('./nodeWorkerEntry.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  const thread = new Worker(boot, { eval: true });
  const worker: WorkerLike & { exited: Promise<number> } = {
    onmessage: null,
    onerror: null,
    postMessage: (request) => thread.postMessage(request),
    terminate: () => void thread.terminate(),
    exited: new Promise((resolve) => thread.once('exit', resolve)),
  };
  thread.on('message', (data: unknown) => worker.onmessage?.({ data } as MessageEvent));
  thread.on('error', (error) => worker.onerror?.({ message: error.message } as ErrorEvent));
  return worker;
}
