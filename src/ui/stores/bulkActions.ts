/**
 * Bulk commands on the dashboard's selected bots (lifecycle, duplicate, archive, delete): which
 * bots each command applies to
 * (the others are skipped with the reason), the confirmation text, and the result summary.
 */
import type { Bot } from '../../core/bot/types';
import type { CommandResult, EngineApi, StopOptions } from '../../host/engineApi';

export type BulkKind =
  'start' | 'pause' | 'resume' | 'stop' | 'duplicate' | 'archive' | 'unarchive' | 'delete';

export interface BulkAction {
  kind: BulkKind;
  /** The verb on the button and in the confirmation ("Start"). */
  verb: string;
  /** The progress verb ("Starting"). */
  doing: string;
  /** The result word ("started"). */
  done: string;
  /** Why the engine would refuse this bot, or undefined when the command applies. */
  skipReason(bot: Bot): string | undefined;
  command(api: EngineApi, botId: string, options: StopOptions): Promise<CommandResult>;
}

const name = (bot: Bot): string => bot.config.name;

/** A command's outcome without its value (a duplicate's new id is not needed here). */
function withoutValue<T>(result: CommandResult<T>): CommandResult {
  return result.ok ? { ok: true, value: undefined } : result;
}

export const BULK_ACTIONS: Record<BulkKind, BulkAction> = {
  start: {
    kind: 'start',
    verb: 'Start',
    doing: 'Starting',
    done: 'started',
    skipReason: (bot) => {
      if (bot.status === 'running') return `${name(bot)} is already running`;
      if (bot.status === 'paused') return `${name(bot)} is paused: resume it instead`;
      if (bot.status === 'archived') return `${name(bot)} is archived: unarchive it first`;
      return undefined;
    },
    command: (api, id) => api.startBot(id),
  },
  pause: {
    kind: 'pause',
    verb: 'Pause',
    doing: 'Pausing',
    done: 'paused',
    skipReason: (bot) => {
      if (bot.status === 'running') return undefined;
      if (bot.status === 'paused') return `${name(bot)} is already paused`;
      return `${name(bot)} is ${bot.status}, not running`;
    },
    command: (api, id) => api.pauseBot(id),
  },
  resume: {
    kind: 'resume',
    verb: 'Resume',
    doing: 'Resuming',
    done: 'resumed',
    skipReason: (bot) => {
      if (bot.status === 'paused') return undefined;
      if (bot.status === 'running') return `${name(bot)} is already running`;
      return `${name(bot)} is ${bot.status}, not paused`;
    },
    command: (api, id) => api.resumeBot(id),
  },
  stop: {
    kind: 'stop',
    verb: 'Stop',
    doing: 'Stopping',
    done: 'stopped',
    skipReason: (bot) =>
      bot.status === 'running' || bot.status === 'paused' || bot.status === 'error'
        ? undefined
        : `${name(bot)} is already stopped`,
    command: (api, id, options) => api.stopBot(id, options),
  },
  duplicate: {
    kind: 'duplicate',
    verb: 'Duplicate',
    doing: 'Duplicating',
    done: 'duplicated',
    skipReason: () => undefined,
    command: async (api, id) => withoutValue(await api.duplicateBot(id)),
  },
  archive: {
    kind: 'archive',
    verb: 'Archive',
    doing: 'Archiving',
    done: 'archived',
    skipReason: (bot) => {
      if (bot.status === 'archived') return `${name(bot)} is already archived`;
      if (bot.status === 'stopped' || bot.status === 'draft') return undefined;
      return `${name(bot)} is ${bot.status}: stop it before archiving it`;
    },
    command: (api, id) => api.archiveBot(id),
  },
  unarchive: {
    kind: 'unarchive',
    verb: 'Unarchive',
    doing: 'Unarchiving',
    done: 'unarchived',
    skipReason: (bot) => (bot.status === 'archived' ? undefined : `${name(bot)} is not archived`),
    command: (api, id) => api.unarchiveBot(id),
  },
  delete: {
    kind: 'delete',
    verb: 'Delete',
    doing: 'Deleting',
    done: 'deleted',
    skipReason: (bot) =>
      bot.status === 'running' || bot.status === 'paused'
        ? `${name(bot)} is ${bot.status}: stop it before deleting it`
        : undefined,
    command: (api, id) => api.deleteBot(id),
  },
};

export const BULK_KINDS: readonly BulkKind[] = [
  'start',
  'pause',
  'resume',
  'stop',
  'duplicate',
  'archive',
  'unarchive',
  'delete',
];

export interface BulkPlan {
  action: BulkAction;
  eligible: readonly Bot[];
  skipped: readonly { bot: Bot; reason: string }[];
}

export function planBulk(action: BulkAction, bots: readonly Bot[]): BulkPlan {
  const eligible: Bot[] = [];
  const skipped: { bot: Bot; reason: string }[] = [];
  for (const bot of bots) {
    const reason = action.skipReason(bot);
    if (reason === undefined) eligible.push(bot);
    else skipped.push({ bot, reason });
  }
  return { action, eligible, skipped };
}

const plural = (count: number): string => `${count} bot${count === 1 ? '' : 's'}`;

/** "Start 3 bots: A, B, C. 1 will be skipped: D is already running." */
export function describePlan(plan: BulkPlan): string {
  const parts: string[] = [];
  if (plan.eligible.length > 0) {
    parts.push(
      `${plan.action.verb} ${plural(plan.eligible.length)}: ${plan.eligible.map(name).join(', ')}.`,
    );
  } else {
    parts.push(`No selected bot can be ${plan.action.done}.`);
  }
  if (plan.skipped.length > 0) {
    parts.push(
      `${plan.skipped.length} will be skipped: ${plan.skipped.map((skip) => skip.reason).join('; ')}.`,
    );
  }
  return parts.join(' ');
}

export interface BulkOutcome {
  botId: string;
  name: string;
  ok: boolean;
  /** The refusal reason (the engine's message, or why the bot was skipped). */
  error?: string;
}

const trimStop = (text: string): string => text.replace(/\.$/, '');

/** "2 started, 1 refused: D — D is already running." */
export function summarizeOutcomes(action: BulkAction, outcomes: readonly BulkOutcome[]): string {
  const done = outcomes.filter((outcome) => outcome.ok).length;
  const refused = outcomes.filter((outcome) => !outcome.ok);
  const parts = [`${done} ${action.done}`];
  if (refused.length > 0) {
    const details = refused
      .map((outcome) => `${outcome.name} — ${trimStop(outcome.error ?? 'refused')}`)
      .join('; ');
    parts.push(`${refused.length} refused: ${details}`);
  }
  return `${parts.join(', ')}.`;
}
