/**
 * A passphrase strength estimate (bits of guessing work, a 0–4 score and advice), shared by the
 * setup form's meter and the worker that refuses weak passphrases. Deliberately conservative:
 * runs (aaaa), sequences (abcd, 4321) and common words count for almost nothing.
 */

export type StrengthLabel = 'Very weak' | 'Weak' | 'Fair' | 'Strong' | 'Very strong';

export interface StrengthEstimate {
  /** Estimated bits of entropy. */
  bits: number;
  /** 0 (very weak) … 4 (very strong). */
  score: 0 | 1 | 2 | 3 | 4;
  label: StrengthLabel;
  /** Whether the vault accepts it. */
  acceptable: boolean;
  /** What to do about it when it is not acceptable. */
  advice?: string;
}

export const MIN_PASSPHRASE_LENGTH = 12;
/** The least estimated entropy the vault accepts. */
export const MIN_PASSPHRASE_BITS = 60;

const COMMON = [
  'password',
  'passphrase',
  'passw0rd',
  'qwerty',
  'azerty',
  'letmein',
  'welcome',
  'admin',
  'login',
  'iloveyou',
  'monkey',
  'dragon',
  'master',
  'secret',
  'bitcoin',
  'crypto',
  'flotilla',
  'trading',
  'binance',
  '123456',
];

const LABELS: readonly StrengthLabel[] = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'];

function poolSize(text: string): number {
  let pool = 0;
  if (/[a-z]/.test(text)) pool += 26;
  if (/[A-Z]/.test(text)) pool += 26;
  if (/[0-9]/.test(text)) pool += 10;
  if (/[ -/:-@[-`{-~]/.test(text)) pool += 33;
  if (/[^\x20-\x7e]/.test(text)) pool += 100;
  return Math.max(pool, 1);
}

/** Bits for `text` after common words were taken out. */
function characterBits(text: string, perChar: number): number {
  let bits = 0;
  let previous: number | undefined;
  let step: number | undefined;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const delta = previous === undefined ? undefined : code - previous;
    // A repeat or the next step of a run (abc, 321, 2468) is almost free to guess.
    const continuesRun = delta !== undefined && (delta === step || Math.abs(delta) <= 1);
    bits += continuesRun ? 1 : perChar;
    step = delta;
    previous = code;
  }
  return bits;
}

export function estimateStrength(passphrase: string): StrengthEstimate {
  const perChar = Math.log2(poolSize(passphrase));
  let rest = passphrase.toLowerCase();
  let words = 0;
  for (const word of COMMON) {
    while (rest.includes(word)) {
      rest = rest.replace(word, ' ');
      words += 1;
    }
  }
  const bits = Math.round(characterBits(rest, perChar) + words * 8);
  const score = (bits < 28 ? 0 : bits < 45 ? 1 : bits < 60 ? 2 : bits < 80 ? 3 : 4) as
    0 | 1 | 2 | 3 | 4;
  const length = [...passphrase].length;
  let advice: string | undefined;
  if (length < MIN_PASSPHRASE_LENGTH) {
    advice = `Use at least ${MIN_PASSPHRASE_LENGTH} characters; several unrelated words work well.`;
  } else if (bits < MIN_PASSPHRASE_BITS) {
    advice =
      'Too easy to guess: avoid common words, repeats and sequences; add more unrelated words.';
  }
  return {
    bits,
    score: advice ? (Math.min(score, 2) as 0 | 1 | 2) : score,
    label: LABELS[advice ? Math.min(score, 2) : score] ?? 'Very weak',
    acceptable: advice === undefined,
    advice,
  };
}
