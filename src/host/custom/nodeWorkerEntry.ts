/**
 * Test support: the custom strategy worker as a Node worker thread (spawnNodeWorker in
 * testSupport.ts). Same endpoint as workers/customStrategy.worker.ts, on `parentPort`.
 */
import { parentPort } from 'node:worker_threads';
import { serveCustomStrategy } from './endpoint';
import { createTestEndpoint } from './testSupport';

const port = parentPort;
if (!port) throw new Error('nodeWorkerEntry.ts runs only as a worker thread.');
serveCustomStrategy(
  {
    postMessage: (message) => port.postMessage(message),
    addEventListener: (_type, listener) =>
      port.on('message', (data: unknown) => listener({ data } as MessageEvent)),
  },
  createTestEndpoint(),
);
