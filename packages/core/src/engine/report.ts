import type { CliIO } from '../api/io';
import type { Output } from '../api/output';
import { EdictError, isEdictError } from '../errors/EdictError';

/** The one document `--json` writes on stdout, for success and failure alike. */
export interface JsonResult {
  success: boolean;
  exitCode: number;
  data: unknown;
  message: string | null;
  error: (ReturnType<EdictError['toJSON']> & { stack?: string }) | null;
}

/** The message a handler's result carries: the string itself, or a string `message` field. */
export function resultMessage(result: unknown): string | null {
  if (typeof result === 'string') return result;
  if (
    typeof result === 'object' &&
    result !== null &&
    typeof (result as { message?: unknown }).message === 'string'
  ) {
    return (result as { message: string }).message;
  }
  return null;
}

/** Writes the outcome of a successful run: the JSON document, or the result's message as text. */
export function reportSuccess(io: CliIO, out: Output, json: boolean, result: unknown): number {
  const message = resultMessage(result);
  if (!json) {
    if (message !== null) out.text(message);
    return 0;
  }
  let text: string;
  try {
    text = JSON.stringify(
      { success: true, exitCode: 0, data: result ?? null, message, error: null } satisfies JsonResult,
      null,
      2,
    );
  } catch (err) {
    const wrapped = new EdictError(
      'EDICT_UNSERIALIZABLE_RESULT',
      `The command's result cannot be written as JSON: ${(err as Error).message}`,
      { cause: err },
    );
    return reportFailure(io, out, { json, debug: false, rerun: '' }, wrapped);
  }
  io.stdout.write(`${text}\n`);
  return 0;
}

/** Facts about the run that shape how a failure is reported. */
export interface FailureContext {
  json: boolean;
  debug: boolean;
  /** The command line to suggest with `--debug` for unexpected errors. */
  rerun: string;
}

/**
 * Turns anything thrown into an exit code and a report: EdictError as is, anything else wrapped as
 * EDICT_UNEXPECTED.
 */
export function reportFailure(io: CliIO, out: Output, run: FailureContext, thrown: unknown): number {
  const error = isEdictError(thrown)
    ? thrown
    : new EdictError(
        'EDICT_UNEXPECTED',
        `Unexpected error: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
        {
          ...(run.debug ? {} : { hint: `${run.rerun} --debug  (shows the stack trace)` }),
          cause: thrown,
        },
      );
  const stack = run.debug ? stackOf(thrown) : undefined;
  if (run.json) {
    const doc: JsonResult = {
      success: false,
      exitCode: error.exitCode,
      data: null,
      message: error.message,
      error: { ...toJSON(error), ...(stack ? { stack } : {}) },
    };
    io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    if (stack) io.stderr.write(`${stack}\n`);
    return error.exitCode;
  }
  // Ctrl-C at a prompt ends the run the way Ctrl-C anywhere does: without a message.
  if (error.code === 'EDICT_INTERRUPTED') return error.exitCode;
  out.error(error.message);
  if (error.hint) io.stderr.write(`Hint: ${error.hint}\n`);
  if (stack) io.stderr.write(`${stack}\n`);
  return error.exitCode;
}

// A plugin's EdictError may come from another copy of the framework: use its own toJSON if any.
function toJSON(error: EdictError): ReturnType<EdictError['toJSON']> {
  if (typeof error.toJSON === 'function') return error.toJSON();
  const e = error as EdictError;
  return { code: e.code, message: e.message, ...(e.hint ? { hint: e.hint } : {}), details: e.details ?? {} };
}

function stackOf(thrown: unknown): string | undefined {
  if (!(thrown instanceof Error) || !thrown.stack) return undefined;
  const cause = (thrown as { cause?: unknown }).cause;
  return cause instanceof Error && cause.stack ? `${thrown.stack}\nCaused by: ${cause.stack}` : thrown.stack;
}
