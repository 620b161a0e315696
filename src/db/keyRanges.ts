/**
 * Key ranges over compound indexes. Every `[botId+n]` index has a number second part
 * (version, seq, time), so [botId, -Infinity]..[botId, Infinity] spans exactly one bot.
 */

export type BotKeyRange = [lower: [string, number], upper: [string, number], true, true];

/** Arguments for `where('[botId+…]').between(...)` covering every row of one bot. */
export function botRange(botId: string, since = -Infinity): BotKeyRange {
  return [[botId, since], [botId, Infinity], true, true];
}
