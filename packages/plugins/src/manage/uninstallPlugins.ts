import { existsSync } from 'node:fs';
import { pluginError, PluginErrorCodes } from '../errors';
import { cleanStaging, commitChanges, type FolderChange } from '../install/commit';
import { runHook, type HookRun } from '../install/hooks';
import { readIndexSafe } from '../index-file/readIndexSafe';
import { withLock } from '../store/lock';
import { readRecords } from '../store/record';
import type { EngineOptions } from '../types';

export interface UninstallOptions extends EngineOptions {
  names: readonly string[];
  /** Remove even when a preUninstall hook fails. */
  force?: boolean;
}

export interface UninstallResult {
  uninstalled: { name: string; version: string; hooks: HookRun[] }[];
}

/**
 * Removes plugins (files and records, atomically), after running each one's preUninstall hook;
 * a failing hook stops the uninstall unless `force`. Linked plugins lose only their record.
 */
export async function uninstallPlugins(options: UninstallOptions): Promise<UninstallResult> {
  const { host, pluginsDir } = options;
  return withLock(pluginsDir, 'uninstall', host.name, async () => {
    const records = readRecords(pluginsDir);
    const previousIndex = readIndexSafe(pluginsDir, host);
    for (const name of options.names) {
      if (!records.plugins[name]) {
        throw pluginError(PluginErrorCodes.NOT_FOUND, `No plugin named ${name} is installed.`, { hint: `${host.name} plugins list`, details: { name } });
      }
    }
    const uninstalled: UninstallResult['uninstalled'] = [];
    const changes: FolderChange[] = [];
    for (const name of options.names) {
      const record = records.plugins[name]!;
      const hooks: HookRun[] = [];
      if (existsSync(record.location)) {
        options.onProgress?.({ phase: 'hook', name, message: `Running preUninstall of ${name}` });
        try {
          const run = runHook(record.location, 'preUninstall', host, pluginsDir);
          if (run) hooks.push(run);
        } catch (err) {
          if (!options.force) throw err;
        }
      }
      if (record.source !== 'link') changes.push({ name, remove: true });
      delete records.plugins[name];
      uninstalled.push({ name, version: record.version, hooks });
    }
    options.onProgress?.({ phase: 'remove', message: `Removing ${options.names.join(', ')}` });
    try {
      commitChanges({ pluginsDir, host, changes, records, previousIndex });
    } finally {
      cleanStaging(pluginsDir, []);
    }
    return { uninstalled };
  });
}
