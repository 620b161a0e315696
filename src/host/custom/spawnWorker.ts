/**
 * Starts a custom strategy worker in a browser (from a page or from inside the bot-host
 * worker: nested module workers). Vite sees the `new Worker(new URL(…))` pattern and emits
 * workers/customStrategy.worker.ts as its own chunk.
 */
import type { WorkerLike } from './workerSession';

export function spawnCustomStrategyWorker(): WorkerLike {
  return new Worker(new URL('../../../workers/customStrategy.worker.ts', import.meta.url), {
    type: 'module',
    name: 'flotilla-custom-strategy',
  });
}
