import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CommandHandler } from '../api/context';
import type { HandlerRef } from '../definitions/types';
import { EdictError } from '../errors/EdictError';
import { isEsmFile } from './isEsmFile';

/**
 * Picks the handler out of a loaded module: its `handler` export, else its default, else the module itself if
 * a function.
 */
export function pickHandler(mod: unknown): CommandHandler | undefined {
  if (typeof mod === 'function') return mod as CommandHandler;
  if (typeof mod !== 'object' || mod === null) return undefined;
  const m = mod as { handler?: unknown; default?: unknown };
  if (typeof m.handler === 'function') return m.handler as CommandHandler;
  if (typeof m.default === 'function') return m.default as CommandHandler;
  // `import()` of a CommonJS module puts `module.exports` under `default`.
  if (
    typeof m.default === 'object' &&
    m.default !== null &&
    typeof (m.default as { handler?: unknown }).handler === 'function'
  ) {
    return (m.default as { handler: CommandHandler }).handler;
  }
  return undefined;
}

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
      mod = isEsmFile(file) ? await import(pathToFileURL(file).href) : require(file);
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
