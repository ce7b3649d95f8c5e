import { resolve } from 'node:path';
import { readEntryFile } from '../store/entryFile';
import type { HookName, PluginHost, PluginIndexEntry, PluginRecord } from '../types';
import { describeIncompatibilities, findIncompatibilities } from '../validate/compatibility';
import { readPackageJson } from '../validate/pluginManifest';
import { absolutise } from '../validate/absolutise';

/**
 * The index entry of an installed plugin, from the entry file the engine wrote into its version
 * folder at install (data: no plugin code runs), or why it cannot be used.
 */
export function installedEntry(
  record: PluginRecord,
  host: PluginHost,
): { entry?: PluginIndexEntry; problem?: string } {
  const root = record.location;
  const reinstall = `reinstall it with \`${host.name} plugins install ${record.name}\``;
  if (!record.folder)
    return { problem: `plugin ${record.name} has no install folder in the record; ${reinstall}` };
  const { entry, problem } = readEntryFile(record.folder);
  if (!entry) return { problem: `plugin ${record.name} is broken: ${problem}; ${reinstall}` };
  let pkg;
  try {
    pkg = readPackageJson(root);
  } catch (err) {
    return {
      problem: `plugin ${record.name} is broken: cannot read its package.json (${(err as Error).message})`,
    };
  }
  const incompat = findIncompatibilities(pkg, host);
  if (incompat.length > 0 && !record.forced)
    return {
      problem:
        `plugin ${record.name}@${pkg.version ?? '?'}` +
        ` is incompatible: ${describeIncompatibilities(incompat)}`,
    };
  const hooks: Partial<Record<HookName, string>> = {};
  for (const [hook, file] of Object.entries(entry.hooks) as [HookName, string][])
    hooks[hook] = resolve(root, file);
  return {
    entry: {
      name: record.name,
      version: record.version,
      root,
      folder: record.folder,
      moduleType: entry.moduleType,
      commands: entry.commands.map((n) => absolutise(n, root)),
      hooks,
    },
  };
}
