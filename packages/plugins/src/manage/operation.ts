import { explainFsError } from '../store/fsErrors';
import { withLock } from '../store/lock';
import type { EngineOptions } from '../types';

/**
 * Runs one operation on the plugins folder under its lock. A file-system error becomes one
 * EDICT_PLUGINS_FS error that names the path and what to do, never a raw errno.
 */
export async function runOperation<T>(
  options: Pick<EngineOptions, 'pluginsDir' | 'host'>,
  name: string,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await withLock(options.pluginsDir, name, options.host.name, fn);
  } catch (err) {
    throw explainFsError(err, options.pluginsDir, options.host.name);
  }
}
