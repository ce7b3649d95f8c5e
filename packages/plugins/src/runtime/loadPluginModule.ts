import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { isEsmFile, type HostInfo } from '@edict/core';
import { pluginError } from '../errors';
import type { PluginIndexEntry } from '../types';
import { moduleLoaderFor } from './activeLoader';
import { importFile } from './importFile';

/** Error code of a plugin module (handler or init hook) that cannot be loaded. */
export const PLUGIN_LOAD_FAILED = 'EDICT_PLUGIN_LOAD_FAILED';

// An installed plugin's `.js` files go by the module type recorded at install (see
// pluginModuleType) rather than core's `isEsmFile`, which reads package.json files and maybe the
// file on every plugin command. A linked plugin's files are the author's to change between runs:
// they are decided as Node decides, each time.
function isEsm(entry: PluginIndexEntry, file: string): boolean {
  const ext = extname(file);
  if (ext === '.mjs') return true;
  if (ext === '.cjs') return false;
  if (entry.linked) return isEsmFile(file);
  return entry.moduleType === 'module';
}

/**
 * Loads one module of a plugin with the module loader on. CommonJS files are required; ESM files
 * are imported after the ESM hooks are registered, because `require()` of ESM would bypass them.
 */
export async function loadPluginModule(
  host: HostInfo,
  entry: PluginIndexEntry,
  file: string,
  extra: readonly string[] = [],
): Promise<unknown> {
  // Required here: only a run that executes plugin code checks and leases its files.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { fileProblem } = require('../validate/insideRoot') as typeof import('../validate/insideRoot');
  const { takeLease } = require('../store/leases') as typeof import('../store/leases');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const outside = fileProblem(entry.root, file);
  if (outside && existsSync(file)) {
    throw pluginError(
      PLUGIN_LOAD_FAILED,
      `Plugin ${entry.name}@${entry.version} refused to load ${file}: it ${outside}.`,
      {
        hint: `Reinstall the plugin: ${host.name} plugins install ${entry.name}`,
        details: { plugin: entry.name, version: entry.version, file },
      },
    );
  }
  if (entry.folder) takeLease(entry.folder);
  const loader = moduleLoaderFor(host, entry, extra);
  try {
    if (isEsm(entry, file)) {
      loader.enableEsm();
      return await importFile(file);
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file);
  } catch (err) {
    // Required here: only a failed load is described.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { describeLoadFailure } = require('./loadFailure') as typeof import('./loadFailure');
    const { place, reason, hint } = describeLoadFailure(err, entry.root, file);
    throw pluginError(
      PLUGIN_LOAD_FAILED,
      `Plugin ${entry.name}@${entry.version} failed to load ${file}${place ? `:${place}` : ''}: ${reason}`,
      {
        hint: hint ?? `${host.name} plugins validate ${entry.name}`,
        details: { plugin: entry.name, version: entry.version, file },
        cause: err,
      },
    );
  }
}
