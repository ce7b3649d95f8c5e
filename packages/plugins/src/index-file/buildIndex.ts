import type { CommandNode } from '@edict/core';
import { recordStamp } from '../store/record';
import { readRecordsForRun } from '../store/recover';
import type { PluginHost, PluginIndex, PluginIndexEntry, PluginRecord } from '../types';
import { claimedNames } from '../validate/collisions';
import { INDEX_VERSION } from './indexFormat';
import { installedEntry } from './installedEntry';
import { linkedEntry, linkedEntryFresh } from './linkedEntry';

const ownerText = (owner: string): string => (owner === 'built-in' ? 'the CLI' : `plugin ${owner}`);

/**
 * Who owns each top-level name: the CLI's built-ins first, then every installed plugin's names as
 * recorded when it was installed. Plugins without recorded names (linked ones, records of an
 * older version) claim free names afterwards, in name order.
 */
function recordedOwners(host: PluginHost, records: PluginRecord[]): Map<string, string> {
  const owners = new Map<string, string>(host.builtinNames.map((n) => [n, 'built-in']));
  for (const r of records) for (const n of r.owns ?? []) if (!owners.has(n)) owners.set(n, r.name);
  return owners;
}

function entryFor(
  record: PluginRecord,
  host: PluginHost,
  prev: PluginIndexEntry | undefined,
): { entry?: PluginIndexEntry; problem?: string } {
  if (record.source === 'link')
    return prev && linkedEntryFresh(prev, record) ? { entry: prev } : linkedEntry(record, host);
  if (prev && prev.version === record.version && prev.root === record.location && !prev.linked)
    return { entry: prev };
  return installedEntry(record, host);
}

/**
 * Builds the combined command index from the record and the entry files the engine wrote at
 * install: data only, no installed plugin's code runs. A top-level node is kept only for the
 * plugin that owns its names (see `recordedOwners`); a node claiming another's name is left out,
 * and the plugin marked with the conflict. Unusable plugins are left out; each case warns once.
 * Entries of `previous` whose plugin has not changed are reused.
 */
export function buildIndex(pluginsDir: string, host: PluginHost, previous?: PluginIndex): PluginIndex {
  const stamp = recordStamp(pluginsDir);
  const { records, warning } = readRecordsForRun(pluginsDir, host);
  const list = Object.values(records.plugins).sort((a, b) => a.name.localeCompare(b.name));
  const owners = recordedOwners(host, list);
  const sameHost = previous?.hostVersion === host.version && previous.hostName === host.name;
  const prevByName = new Map((sameHost ? previous.plugins : []).map((e) => [e.name, e]));
  const plugins: PluginIndexEntry[] = [];
  const warnings: string[] = warning ? [warning] : [];
  for (const record of list) {
    const { entry, problem } = entryFor(record, host, prevByName.get(record.name));
    if (!entry) {
      warnings.push(
        `${problem ?? `plugin ${record.name} is unusable`}; run \`${host.name} plugins list\` for details`,
      );
      continue;
    }
    const commands: CommandNode[] = [];
    const conflicts: string[] = [];
    for (const node of entry.commands) {
      const names = claimedNames([node]);
      const clash = names.find((n) => owners.has(n) && owners.get(n) !== record.name);
      if (clash !== undefined) {
        conflicts.push(clash);
        warnings.push(
          `command "${clash}" of plugin ${record.name}` +
            ` is skipped: ${ownerText(owners.get(clash)!)}` +
            ` already provides it`,
        );
        continue;
      }
      for (const n of names) owners.set(n, record.name);
      commands.push(node);
    }
    const { conflicts: _old, ...rest } = entry;
    plugins.push({ ...rest, commands, ...(conflicts.length > 0 ? { conflicts } : {}) });
  }
  return {
    version: INDEX_VERSION,
    hostName: host.name,
    hostVersion: host.version,
    recordStamp: stamp,
    plugins,
    warnings,
  };
}
