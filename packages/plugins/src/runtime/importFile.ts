import { pathToFileURL } from 'node:url';

/**
 * `import()` of a plugin's ESM file by its path, in a module of its own so that its callers can
 * be in the startup pack (see @edict/core's handlers/importFile).
 */
export function importFile(file: string): Promise<unknown> {
  return import(pathToFileURL(file).href);
}
