import { lstatSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PluginRecordFile } from '../types';
import { leased } from './leases';
import { installedRoot, stagingRoot } from './paths';

// Temp files of writeFileAtomic (`<file>.<pid>.<n>.tmp`), left when a write is killed.
const ATOMIC_TEMP = /\.\d+\.\d+\.tmp$/;

function entries(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * Removes what killed or finished operations left in the plugins folder: staging folders, temp
 * files of atomic writes, and every folder under `installed/` that the record does not name
 * (superseded versions, versions moved in by an operation that died before its commit), unless
 * a running command still uses it (see `takeLease`). The caller holds the lock and has read the
 * record. Returns the paths removed.
 */
export function sweepLeftovers(pluginsDir: string, records: PluginRecordFile): string[] {
  const removed: string[] = [];
  const remove = (path: string): void => {
    rmSync(path, { recursive: true, force: true });
    removed.push(path);
  };
  if (entries(pluginsDir).includes('.staging')) remove(stagingRoot(pluginsDir));
  for (const name of entries(pluginsDir)) if (ATOMIC_TEMP.test(name)) remove(join(pluginsDir, name));
  const inUse = new Set(
    Object.values(records.plugins)
      .flatMap((r) => (r.folder ? [r.folder] : []))
      .concat(shadowFolders(records)),
  );
  const root = installedRoot(pluginsDir);
  for (const plugin of entries(root)) {
    const dir = join(root, plugin);
    if (inUse.has(dir)) continue;
    if (!lstatSync(dir).isDirectory()) {
      remove(dir);
      continue;
    }
    for (const version of entries(dir)) {
      const folder = join(dir, version);
      // a command started before the change still runs this version: its files stay until it ends
      if (!inUse.has(folder) && !leased(folder)) remove(folder);
    }
    if (entries(dir).length === 0) rmdirSync(dir);
  }
  return removed;
}

/** Folders of installed plugins a linked plugin stands in for (restored by unlink). */
function shadowFolders(records: PluginRecordFile): string[] {
  return Object.values(records.plugins).flatMap((r) => (r.shadows?.folder ? [r.shadows.folder] : []));
}
