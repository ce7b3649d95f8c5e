import { isAbsolute } from 'node:path';
import type { CompleterRef, CompletionRequest } from '../../definitions/types';
import { importFile } from '../../handlers/importFile';
import { isEsmFile } from '../../handlers/isEsmFile';

/** Longest a completer may take before TAB gives up on it. */
export const COMPLETER_TIMEOUT_MS = 2000;

function pick(mod: unknown, name: string | undefined): unknown {
  if (typeof mod === 'function' && name === undefined) return mod;
  if (typeof mod !== 'object' || mod === null) return undefined;
  const m = mod as Record<string, unknown>;
  if (name !== undefined) return m[name] ?? (m.default as Record<string, unknown> | undefined)?.[name];
  if (typeof m.complete === 'function') return m.complete;
  if (typeof m.default === 'function') return m.default;
  // `import()` of a CommonJS module puts `module.exports` under `default`.
  return (m.default as Record<string, unknown> | undefined)?.complete;
}

/**
 * Runs the completer a definition names and returns its candidates. Only an absolute module
 * path is loaded (a relative one comes from plugin definitions, whose code never runs on TAB);
 * a missing module, a throw, a non-array result or a timeout all complete nothing.
 */
export async function runCompleter(ref: CompleterRef, request: CompletionRequest): Promise<string[]> {
  const file = typeof ref === 'string' ? ref : ref.module;
  const name = typeof ref === 'string' ? undefined : ref.export;
  if (typeof file !== 'string' || !isAbsolute(file)) return [];
  let timer: NodeJS.Timeout | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod: unknown = isEsmFile(file) ? await importFile(file) : require(file);
    const fn = pick(mod, name);
    if (typeof fn !== 'function') return [];
    const timeout = new Promise<undefined>(
      (resolve) => (timer = setTimeout(() => resolve(undefined), COMPLETER_TIMEOUT_MS)),
    );
    const result: unknown = await Promise.race([(fn as (r: CompletionRequest) => unknown)(request), timeout]);
    return Array.isArray(result)
      ? result.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String)
      : [];
  } catch {
    return [];
  } finally {
    if (timer) clearTimeout(timer);
  }
}
