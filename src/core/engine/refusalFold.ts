/**
 * Folds repeated refusals on a bot's timeline. A bot whose every signal is refused for the
 * same reason (cash below the market's minimum order, a paused bot, a daily trade cap) would
 * log one identical `risk_rejected` event per signal: tens of thousands in a long backtest,
 * burying everything else. The same refusal (the same words; its figures, such as the order
 * value at today's price, may differ) is logged once per day of market time, saying how many
 * were folded since it was last logged; a different refusal, or an order placed or filled in
 * between, starts afresh. Part of the bot runtime; pure (market time is passed in).
 */

const DAY_MS = 86_400_000;

export interface RefusalFold {
  /**
   * The message to log for a refusal saying `message` on the candle opening at `time`, or
   * undefined when it repeats the last one logged less than a day of market time before
   * (figures aside).
   */
  take(message: string, time: number): string | undefined;
  /** Something else happened (an order placed or filled): the next refusal is logged. */
  reset(): void;
}

/** What makes two refusals the same one: their words, with every figure as `#`. */
const wordsOf = (message: string): string => message.replace(/\d+(?:\.\d+)?/g, '#');

/** `time` as `2023-03-05 14:02 UTC`. */
const utcMinute = (time: number): string =>
  `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function createRefusalFold(periodMs: number = DAY_MS): RefusalFold {
  const last = { words: '', loggedAt: Number.NaN, folded: 0 };
  return {
    take(message, time) {
      const words = wordsOf(message);
      const isRepeat = words === last.words;
      if (isRepeat && time - last.loggedAt < periodMs) {
        last.folded += 1;
        return undefined;
      }
      const logged =
        isRepeat && last.folded > 0
          ? `${message} (refused ${last.folded} more ${last.folded === 1 ? 'time' : 'times'} since ${utcMinute(last.loggedAt)})`
          : message;
      last.words = words;
      last.loggedAt = time;
      last.folded = 0;
      return logged;
    },
    reset() {
      last.words = '';
      last.folded = 0;
    },
  };
}
