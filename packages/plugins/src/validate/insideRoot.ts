import { realpathSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';

/** True when `path` lies inside `root` (or is it), compared as text. */
export function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Why a plugin file cannot be used ("does not exist (<path>)", "resolves to <real path>, outside
 * the plugin"), or undefined when it exists and its real path (symlinks resolved) lies inside
 * the plugin's real root: a symlink must not make the host load code from outside the plugin.
 */
export function fileProblem(root: string, file: string): string | undefined {
  let realRoot: string;
  let real: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return `cannot be checked: the plugin folder ${root} does not exist`;
  }
  try {
    real = realpathSync(file);
  } catch {
    return `does not exist (${file})`;
  }
  return inside(realRoot, real) ? undefined : `resolves to ${real}, outside the plugin`;
}
