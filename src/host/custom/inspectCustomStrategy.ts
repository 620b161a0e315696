/**
 * Checks module source before it is installed (the custom strategies page): loads it in a
 * worker of its own (the same worker file the bots use), which validates the definition, and
 * creates its state once with the default parameters. Resolves to what the module declares,
 * or fails with the message to show; the worker is always terminated afterwards.
 */
import { defaultParams } from '../../core/strategy/params';
import type { RawParams } from '../../core/strategy/types';
import {
  DEFAULT_ANSWER_TIMEOUT_MS,
  DEFAULT_START_TIMEOUT_MS,
  type CustomStrategyOptions,
} from './createCustomStrategy';
import type { CustomStrategyMeta } from './protocol';
import { createWorkerSession } from './workerSession';

export async function inspectCustomStrategy(
  source: string,
  options: CustomStrategyOptions,
): Promise<CustomStrategyMeta> {
  const session = createWorkerSession({
    spawn: options.spawn,
    timers: options.timers,
    answerTimeoutMs: options.answerTimeoutMs ?? DEFAULT_ANSWER_TIMEOUT_MS,
    startTimeoutMs: options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS,
    subject: 'The module',
  });
  try {
    const meta = await session.call({ type: 'load', source });
    await session.call({ type: 'init', params: defaultParams(meta.params) as RawParams });
    return meta;
  } finally {
    session.close();
  }
}
