import { join } from 'node:path';

/**
 * The layout of a plugins folder:
 *
 * - `plugins.json`  the record: the one commit point of every operation
 * - `index.json`    the combined command index read at startup, derived from the record
 * - `installed/<encoded name>/<version>-<id>/`  one immutable npm project per installed version;
 *   the record names the folder in use, any other is a leftover the next operation removes
 * - `.staging/`     work folders of a running operation (absent otherwise)
 * - `.lock/`        present while an operation runs: holds one `owner-<nonce>` file (host, pid,
 *                   operation, start time); a `.lock` file in the earlier format is recognised too
 * - `.lock-tmp-<pid>-<nonce>/`  a lock being built, renamed to `.lock` complete (see lock.ts)
 */
export const recordFile = (pluginsDir: string): string => join(pluginsDir, 'plugins.json');
export const indexFile = (pluginsDir: string): string => join(pluginsDir, 'index.json');
export const installedRoot = (pluginsDir: string): string => join(pluginsDir, 'installed');
export const stagingRoot = (pluginsDir: string): string => join(pluginsDir, '.staging');
/** The lock folder (see lock.ts). */
export const lockFile = (pluginsDir: string): string => join(pluginsDir, '.lock');

/** The engine's own description of an installed version, written into its folder before the commit. */
export const ENTRY_FILE = 'edict-entry.json';

/** `@scope/name` → `@scope+name`: one folder level per plugin, reversible, no clashes. */
export function encodeName(name: string): string {
  return name.replace('/', '+');
}

/** The folder holding every version folder of one plugin. */
export const pluginDir = (pluginsDir: string, name: string): string =>
  join(installedRoot(pluginsDir), encodeName(name));

/** The plugin's package root inside its project folder. */
export const packageRootIn = (project: string, name: string): string =>
  join(project, 'node_modules', ...name.split('/'));
