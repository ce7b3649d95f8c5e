import { EXIT_USAGE, isEdictError } from '../errors/EdictError';
import type { Logger } from '../profiles/types';

/**
 * Logs how a run failed: `error` level with the exit code, the error's code and message, then
 * the stack at `debug`. A usage error (exit 2) is the user's typo, already shown in full on
 * stderr: it is logged at `debug` only, so the default level leaves no log of it.
 */
export function logFailure(log: Logger, thrown: unknown, exitCode: number): void {
  const what = isEdictError(thrown)
    ? `${thrown.code}: ${thrown.message}`
    : `Unexpected error: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
  if (exitCode === EXIT_USAGE) log.debug('exit %d: %s', exitCode, what);
  else log.error('exit %d: %s', exitCode, what);
  const stack = thrown instanceof Error ? thrown.stack : undefined;
  if (stack !== undefined) log.debug('%s', stack);
}
