/**
 * Runs engine commands for a view: one at a time, with a busy flag, the engine's error message
 * (or a thrown error) kept for display, and a polite announcement on success.
 */
import { createSignal, type Accessor } from 'solid-js';
import type { CommandResult } from '../../host/engineApi';
import { announce } from '../announcer';

export interface CommandRunner {
  /** The name of the command in flight, if any. */
  busy: Accessor<string | undefined>;
  /** The last command's failure message, cleared when the next one starts. */
  error: Accessor<string | undefined>;
  clearError(): void;
  /** Runs `command` unless another is in flight; resolves to its result (undefined if skipped). */
  run<T>(
    name: string,
    command: () => Promise<CommandResult<T>>,
    successMessage?: string,
  ): Promise<CommandResult<T> | undefined>;
}

export function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

export function createCommandRunner(): CommandRunner {
  const [busy, setBusy] = createSignal<string>();
  const [error, setError] = createSignal<string>();

  async function run<T>(
    name: string,
    command: () => Promise<CommandResult<T>>,
    successMessage?: string,
  ): Promise<CommandResult<T> | undefined> {
    if (busy()) return undefined;
    setBusy(name);
    setError(undefined);
    try {
      const result = await command();
      if (result.ok) {
        if (successMessage) announce(successMessage);
      } else {
        setError(result.error);
      }
      return result;
    } catch (cause) {
      const message = `${name} failed: ${messageOf(cause)}`;
      setError(message);
      return { ok: false, error: message };
    } finally {
      setBusy(undefined);
    }
  }

  return { busy, error, clearError: () => setError(undefined), run };
}
