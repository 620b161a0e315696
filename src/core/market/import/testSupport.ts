/** Test helpers for the importers: run an import that must fail and return its issues. */
import { CandleImportError, describeIssue } from './types';

/** The issues (as `line 4: …` strings) of an import expected to throw CandleImportError. */
export function failureOf(run: () => unknown): { lines: string[]; error: CandleImportError } {
  try {
    run();
  } catch (error) {
    if (error instanceof CandleImportError)
      return { lines: error.issues.map(describeIssue), error };
    throw error;
  }
  throw new Error('expected a CandleImportError');
}
