import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The real path of `dir`, also when it does not exist yet (a plugins folder created later):
 * the nearest existing ancestor is resolved and the rest appended, so `/tmp/x` on a system
 * where `/tmp` is a link still compares equal to the real paths Node gives module files.
 */
export function realPathOf(dir: string): string {
  const absolute = resolve(dir);
  let existing = absolute;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  try {
    return join(realpathSync(existing), relative(existing, absolute));
  } catch {
    return absolute;
  }
}
