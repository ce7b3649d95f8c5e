import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { pluginDir } from '../store/paths';

/**
 * A new, unique version folder name for one plugin: `installed/<name>/<version>-<id>`. Kept out
 * of `store/paths` so that the startup path, which reads paths, never loads node:crypto.
 */
export function newVersionFolder(pluginsDir: string, name: string, version: string): string {
  return join(
    pluginDir(pluginsDir, name),
    `${version.replace(/[^a-z0-9.+-]/gi, '_')}-${randomBytes(4).toString('hex')}`,
  );
}
