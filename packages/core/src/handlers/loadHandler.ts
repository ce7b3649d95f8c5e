import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { CommandHandler } from '../api/context';
import type { HandlerRef } from '../definitions/types';
import { EdictError } from '../errors/EdictError';
import { importFile } from './importFile';
import { isEsmFile } from './isEsmFile';
import { pickHandler } from './pickHandler';

/** The error of a handler module that threw or did not compile while it loaded. */
function loadFailed(err: unknown, file: string, commandLabel: string): EdictError {
  // Required here: only a failed load is described.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { errorPlace, loadErrorReason } = require('./loadError') as typeof import('./loadError');
  const { shellWord } = require('../errors/shellWord') as typeof import('../errors/shellWord');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const place = errorPlace(err, file);
  const at = `${file}${place ? `:${place}` : ''}`;
  return new EdictError(
    'EDICT_HANDLER_LOAD_FAILED',
    `The handler of "${commandLabel}" failed to load ${at}: ${loadErrorReason(err)}`,
    {
      hint:
        err instanceof Error && err.name === 'SyntaxError'
          ? `node --check ${shellWord(file)}  (shows the line and where in it)`
          : `${commandLabel} --debug  (shows the stack trace)`,
      details: { command: commandLabel, path: file, ...(place ? { place } : {}) },
      cause: err,
    },
  );
}

/**
 * Loads the handler a definition names. A string is a module path (relative paths resolve
 * against `baseDir`), loaded with `require`, or `import()` for ESM; a function is called and may
 * return the handler or a module. A module that is missing is `EDICT_HANDLER_NOT_FOUND`; one that
 * does not compile or throws as it loads is `EDICT_HANDLER_LOAD_FAILED`, naming the file and place.
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
        // the handler exists and requires something that does not
        if (existsSync(file)) throw loadFailed(err, file, commandLabel);
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
      if (err instanceof EdictError) throw err;
      throw loadFailed(err, file, commandLabel);
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
