import { resolve } from 'node:path';
import { pluginError, PluginErrorCodes } from '../errors';
import { commitRecord } from '../install/commit';
import { hooksAllowed, runHook, type HookRun } from '../install/hooks';
import type { ScriptPolicy } from '../install/scripts';
import { readIndexSafe } from '../index-file/readIndexSafe';
import { readEntryFile } from '../store/entryFile';
import { readRecordsForChange } from '../store/recover';
import { sweepLeftovers } from '../store/sweep';
import type { EngineOptions, PluginRecord } from '../types';
import { runOperation } from './operation';

export interface UninstallOptions extends EngineOptions {
  names: readonly string[];
  /** Remove even when a preUninstall hook fails. */
  force?: boolean;
  /**
   * Whether plugins' preUninstall hooks may run (plugin code: `true`, or the names allowed). Default none.
   */
  allowScripts?: ScriptPolicy;
}

export interface UninstallResult {
  uninstalled: { name: string; version: string; hooks: HookRun[]; warnings: string[] }[];
}

/** The preUninstall hook a plugin declared, from the engine's entry file (never the plugin's own files). */
function preUninstallOf(record: PluginRecord): string | undefined {
  if (record.source === 'link' || !record.folder) return undefined;
  const hook = readEntryFile(record.folder).entry?.hooks.preUninstall;
  return hook ? resolve(record.location, hook) : undefined;
}

/**
 * Removes plugins: runs each one's preUninstall hook when scripts are allowed (a failing hook
 * stops the uninstall unless `force`), then writes the record without them (the commit point)
 * and removes their folders. Needs nothing of the plugin's own files, so a damaged plugin can
 * always be removed. Linked plugins lose only their record.
 */
export async function uninstallPlugins(options: UninstallOptions): Promise<UninstallResult> {
  const { host, pluginsDir } = options;
  return runOperation(options, 'uninstall', async () => {
    const { records, notes } = readRecordsForChange(pluginsDir, host);
    sweepLeftovers(pluginsDir, records);
    const previousIndex = readIndexSafe(pluginsDir, host);
    for (const name of options.names) {
      if (!records.plugins[name]) {
        throw pluginError(PluginErrorCodes.NOT_FOUND, `No plugin named ${name} is installed.`, {
          hint: `${host.name} plugins list`,
          details: { name },
        });
      }
    }
    const uninstalled: UninstallResult['uninstalled'] = [];
    for (const name of options.names) {
      const record = records.plugins[name]!;
      const hooks: HookRun[] = [];
      const warnings: string[] = [];
      const hook = preUninstallOf(record);
      if (hook && !hooksAllowed(options.allowScripts ?? false, name)) {
        warnings.push(
          'its preUninstall hook was not run: hooks are plugin code, run only with --allow-scripts',
        );
      } else if (hook) {
        options.onProgress?.({ phase: 'hook', name, message: `Running preUninstall of ${name}` });
        try {
          hooks.push(
            await runHook({
              hook: 'preUninstall',
              file: hook,
              plugin: { name, version: record.version, root: record.location },
              host,
              pluginsDir,
            }),
          );
        } catch (err) {
          if (!options.force) throw err;
        }
      }
      delete records.plugins[name];
      uninstalled.push({ name, version: record.version, hooks, warnings });
    }
    options.onProgress?.({ phase: 'remove', message: `Removing ${options.names.join(', ')}` });
    const { warnings } = commitRecord({ pluginsDir, host, records, previousIndex });
    uninstalled[0]?.warnings.push(...notes, ...warnings);
    return { uninstalled };
  });
}
