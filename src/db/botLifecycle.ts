/**
 * Which status changes a bot may make, and the event each one logs.
 * draft -> stopped <-> running <-> paused; error (with the reason); archived (from rest only).
 * A running or paused bot still owns orders and protective exits, so it must be stopped
 * before it is archived or deleted.
 */
import type { BotEventType, BotStatus } from '../core/bot/types';

const NEXT_STATUSES: Record<BotStatus, readonly BotStatus[]> = {
  draft: ['stopped', 'archived'],
  stopped: ['running', 'error', 'archived'],
  running: ['paused', 'stopped', 'error'],
  paused: ['running', 'stopped', 'error'],
  error: ['running', 'stopped', 'error', 'archived'],
  archived: ['stopped'],
};

/** Statuses in which nothing runs for the bot, so it may be deleted. */
export const DELETABLE_STATUSES: readonly BotStatus[] = ['draft', 'stopped', 'error', 'archived'];

export function canChangeStatus(from: BotStatus, to: BotStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

export type StatusEventType = Extract<
  BotEventType,
  'started' | 'resumed' | 'paused' | 'stopped' | 'error' | 'archived'
>;

export function statusEventType(from: BotStatus, to: BotStatus): StatusEventType {
  switch (to) {
    case 'running':
      return from === 'paused' ? 'resumed' : 'started';
    case 'paused':
      return 'paused';
    case 'error':
      return 'error';
    case 'archived':
      return 'archived';
    default:
      return 'stopped';
  }
}

const STATUS_MESSAGES: Record<StatusEventType, string> = {
  started: 'Started',
  resumed: 'Resumed',
  paused: 'Paused',
  stopped: 'Stopped',
  error: 'Error',
  archived: 'Archived',
};

export function statusEventMessage(
  type: StatusEventType,
  from: BotStatus,
  reason?: string,
): string {
  const base = type === 'stopped' && from === 'archived' ? 'Unarchived' : STATUS_MESSAGES[type];
  return reason ? `${base}: ${reason}` : base;
}
