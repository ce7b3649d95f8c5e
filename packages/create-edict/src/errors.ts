/** Exit code of a usage error (bad or missing flag). */
export const EXIT_USAGE = 2;
/** Exit code of a runtime failure (folder not empty, write failed). */
export const EXIT_FAILURE = 1;

/**
 * The one error the scaffolder reports: a stable `code` (`EDICT_CREATE_…`), a message with the
 * facts and a `hint` that is a command to run. `usage` errors exit 2, others 1.
 */
export class CreateError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly exitCode: number;

  constructor(code: string, message: string, options: { hint?: string; usage?: boolean } = {}) {
    super(message);
    this.name = 'CreateError';
    this.code = code;
    this.hint = options.hint;
    this.exitCode = options.usage ? EXIT_USAGE : EXIT_FAILURE;
  }
}

/** True for a {@link CreateError} (matched by shape, not `instanceof`). */
export function isCreateError(err: unknown): err is CreateError {
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as { code?: unknown }).code === 'string' &&
    String((err as { code: string }).code).startsWith('EDICT_CREATE_')
  );
}
