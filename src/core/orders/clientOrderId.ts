/**
 * Client order ids: `flt` + the bot's 6-char short id + its order sequence number in base 36,
 * zero-padded to 6 (`fltk3x9q2000001`). Deterministic per bot and sequence, so a retried send
 * reuses the id and reconciliation finds the order; at most 20 chars of [a-z0-9], within every
 * tested exchange's limit (Binance: ≤ 36 of [.A-Za-z0-9:/_-]).
 */
import { flatString } from '../flatString';
import type { Random } from '../time';

const PREFIX = 'flt';
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const SHORT_ID_LENGTH = 6;
const SEQ_WIDTH = 6;
const SHORT_ID = /^[a-z0-9]{6}$/;
/** Number.MAX_SAFE_INTEGER is 11 base-36 digits. */
const CLIENT_ORDER_ID = /^flt([a-z0-9]{6})([a-z0-9]{6,11})$/;

/** A random 6-char bot short id of [a-z0-9] (36^6 ≈ 2.2 billion values). */
export function makeShortId(random: Random): string {
  let id = '';
  for (let i = 0; i < SHORT_ID_LENGTH; i++) {
    // min() guards a Random that returns exactly 1 despite its [0, 1) contract.
    id += ALPHABET[Math.min(ALPHABET.length - 1, Math.floor(random.next() * ALPHABET.length))];
  }
  return id;
}

/**
 * The client order id of a bot's `seq`-th order.
 *
 * @throws RangeError for a short id that is not 6 chars of [a-z0-9], or a seq that is not a
 *   non-negative safe integer.
 * @example makeClientOrderId('k3x9q2', 1); // 'fltk3x9q2000001'
 */
export function makeClientOrderId(shortId: string, seq: number): string {
  if (!SHORT_ID.test(shortId)) {
    throw new RangeError(`Bot short id must be 6 chars of [a-z0-9], got "${shortId}".`);
  }
  if (!Number.isSafeInteger(seq) || seq < 0) {
    throw new RangeError(`Order sequence must be a whole number ≥ 0, got ${seq}.`);
  }
  // Flat: the id is kept (journal, events) and used as a key for the whole run.
  return flatString(PREFIX + shortId + seq.toString(36).padStart(SEQ_WIDTH, '0'));
}

/**
 * Reads the bot short id and sequence back from a client order id; undefined for ids that
 * Flotilla did not make (another app's orders on a shared account, or non-canonical forms).
 */
export function parseClientOrderId(id: string): { shortId: string; seq: number } | undefined {
  const match = CLIENT_ORDER_ID.exec(id);
  if (!match) return undefined;
  const [, shortId = '', digits = ''] = match;
  const seq = parseInt(digits, 36);
  if (!Number.isSafeInteger(seq)) return undefined;
  return makeClientOrderId(shortId, seq) === id ? { shortId, seq } : undefined;
}
