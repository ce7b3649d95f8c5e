import { EdictError } from '../errors/EdictError';

/** Exit code of a run stopped at a prompt by Ctrl-C (the shell's 128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;

/** Why no prompt can be shown on this run, in words for the message. */
export function unavailableReason(io: { stdinIsTTY?: boolean; stderrIsTTY: boolean }, json: boolean): string {
  if (json) return '--json is on';
  if (io.stdinIsTTY !== true) return 'stdin is not a terminal';
  return 'stderr is not a terminal';
}

/**
 * `EDICT_PROMPT_UNAVAILABLE`: the run wanted to ask `question` but cannot (no terminal, or
 * `--json`). `instead` tells how to give the value without a prompt.
 */
export function promptUnavailable(question: string, reason: string, instead: string): EdictError {
  return new EdictError(
    'EDICT_PROMPT_UNAVAILABLE',
    `Cannot ask "${question.replace(/[:?]\s*$/, '')}": ${reason}, so no prompt can be shown.`,
    { hint: instead, details: { question, reason } },
  );
}

/**
 * The prompt library's error for a prompt closed by Ctrl-C (or a signal): `EDICT_INTERRUPTED`,
 * exit 130 (143 for SIGTERM), which the engine reports without a message. Anything else is
 * returned as it is.
 */
export function interruptedOrSame(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  // ExitPromptError: Ctrl-C typed at the prompt; AbortPromptError: a signal (its reason) under runMain.
  if (err.name !== 'ExitPromptError' && err.name !== 'AbortPromptError') return err;
  const signal = err.name === 'AbortPromptError' ? String((err as { cause?: unknown }).cause) : err.message;
  const code = /SIGTERM/.test(signal) ? 143 : EXIT_INTERRUPTED;
  return new EdictError('EDICT_INTERRUPTED', 'Interrupted at a prompt.', { exitCode: code, cause: err });
}
