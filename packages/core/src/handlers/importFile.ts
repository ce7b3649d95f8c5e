import { pathToFileURL } from 'node:url';

/**
 * `import()` of a file by its path. It is a module of its own so that the modules calling it can
 * be in the startup pack: the pack compiles with `vm`, which cannot run `import()` on Node 20, so
 * a module that does stays a file (this one, three lines).
 */
export function importFile(file: string): Promise<unknown> {
  return import(pathToFileURL(file).href);
}
