import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { CommandHandler } from '../api/context';
import type { HandlerRef } from '../definitions/types';
import { EdictError } from '../errors/EdictError';
import { importFile } from './importFile';
import { isEsmFile } from './isEsmFile';
import { pickHandler } from './pickHandler';

/**
 * Loads the handler a definition names. A string is a module path (relative paths resolve
 * against `baseDir`), loaded with `require`, or `import()` for ESM; a function is called and may
 * return the handler or a module.
 */
export async function loadHandler(
  ref: HandlerRef,
  baseDir: string,
  commandLabel: string,
): Promise<CommandHandler> {
  let mod: unknown;
  let where: string;
  if (typeof ref === 'function') {
    where = 'its handler function';
    mod = await ref();
  } else {
    const file = isAbsolute(ref) ? ref : resolve(baseDir, ref);
    where = file;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      mod = isEsmFile(file) ? await importFile(file) : require(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') {
        if (!String((err as Error).message).includes(file) && existsSync(file)) throw err;
        throw new EdictError(
          'EDICT_HANDLER_NOT_FOUND',
          `The handler of "${commandLabel}" was not found at ${file}.`,
          {
            hint: 'Reinstall the package that provides this command, or fix its handler path',
            details: { command: commandLabel, path: file },
            cause: err,
          },
        );
      }
      throw err;
    }
  }
  const handler = pickHandler(mod);
  if (!handler) {
    throw new EdictError(
      'EDICT_HANDLER_NOT_FOUND',
      `The handler module of "${commandLabel}" (${where}) exports no handler function.`,
      {
        hint: 'Export a function named `handler` (or a default function) from the handler module',
        details: { command: commandLabel, path: where },
      },
    );
  }
  return handler;
}
