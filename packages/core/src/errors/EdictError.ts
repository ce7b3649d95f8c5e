/** Exit code of a successful run. */
export const EXIT_OK = 0;
/** Exit code of a runtime failure (network, file system, a handler that threw…). */
export const EXIT_FAILURE = 1;
/** Exit code of a usage error (unknown command or option, bad value, missing argument). */
export const EXIT_USAGE = 2;

/** Fields of an {@link EdictError} besides its message. */
export interface EdictErrorOptions {
  /** What the user can do next, written as a command they can run where possible. */
  hint?: string;
  /** 1 (runtime failure, the default) or 2 (usage error). */
  exitCode?: number;
  /** Facts behind the message (spec, path, wanted/got…); included in `--json` output. */
  details?: Record<string, unknown>;
  /** The lower-level error this one explains. */
  cause?: unknown;
}

/**
 * The one user-facing error class of Edict and of CLIs built on it.
 *
 * `code` is stable (`EDICT_PLUGIN_NOT_FOUND`, …) and is what callers match on: use
 * {@link isEdictError} or compare `err.code`, never `instanceof`, because a plugin may hold
 * another copy of the framework when the module loader is disabled.
 */
export class EdictError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly exitCode: number;
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, options: EdictErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'EdictError';
    this.code = code;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? EXIT_FAILURE;
    this.details = options.details ?? {};
  }

  /** The shape written into the `error` field of `--json` output. */
  toJSON(): { code: string; message: string; hint?: string; details: Record<string, unknown> } {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint ? { hint: this.hint } : {}),
      details: this.details,
    };
  }
}

/** A usage error (exit code 2): the command line itself is wrong. */
export function usageError(
  code: string,
  message: string,
  options: Omit<EdictErrorOptions, 'exitCode'> = {},
): EdictError {
  return new EdictError(code, message, { ...options, exitCode: EXIT_USAGE });
}

/**
 * True for an EdictError from any copy of the framework (matched by shape, not class): named
 * `EdictError`, with a string `code` and a numeric `exitCode`. Node's own errors have a `code`
 * but neither of the others.
 */
export function isEdictError(value: unknown): value is EdictError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { name?: unknown }).name === 'EdictError' &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { exitCode?: unknown }).exitCode === 'number'
  );
}
