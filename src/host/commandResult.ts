/**
 * How host commands report: a CommandResult instead of a throw, with per-field messages for
 * validation failures so the UI can show each next to its field.
 */
import { ValidationError } from '../db';
import type { CommandResult, FieldError } from './engineApi';

/** Thrown inside a command when the input has field-level problems. */
export class FieldErrorsError extends Error {
  constructor(readonly fieldErrors: FieldError[]) {
    super(fieldErrors.map((error) => error.message).join(' '));
  }
}

/** Runs a command and turns its outcome or failure into a CommandResult. */
export async function attempt<T>(job: () => Promise<T>): Promise<CommandResult<T>> {
  try {
    return { ok: true, value: await job() };
  } catch (error) {
    if (error instanceof FieldErrorsError)
      return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
    if (error instanceof ValidationError) {
      const field = error.field.replace(/^config\./, '');
      return { ok: false, error: error.message, fieldErrors: [{ field, message: error.message }] };
    }
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
