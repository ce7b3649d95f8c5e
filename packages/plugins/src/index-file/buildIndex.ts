import { existsSync, statSync } from 'node:fs';
import type { CommandNode } from '@edict/core';
import { readRecords, recordStamp } from '../store/record';
import type { PluginHost, PluginIndex, PluginIndexEntry, PluginRecord } from '../types';
import { claimedNames } from '../validate/collisions';
import { describeIncompatibilities, findIncompatibilities } from '../validate/compatibility';
import { loadDefinitions } from '../validate/loadDefinitions';
import { parseEdictField, readPackageJson } from '../validate/pluginManifest';
import { INDEX_VERSION } from './indexFormat';

function mtimeOf(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

/** Builds one plugin's index entry from its folder, or returns why it cannot be used. */
export function entryFor(record: PluginRecord, host: PluginHost): { entry?: PluginIndexEntry; problem?: string } {
  const root = record.location;
  if (!existsSync(root)) return { problem: `plugin ${record.name} is missing: ${root} does not exist` };
  let pkg;
  try {
    pkg = readPackageJson(root);
  } catch (err) {
    return { problem: `plugin ${record.name} is broken: ${(err as Error).message}` };
  }
  const incompat = findIncompatibilities(pkg, host);
  if (incompat.length > 0) return { problem: `plugin ${record.name}@${pkg.version ?? '?'} is incompatible: ${describeIncompatibilities(incompat)}` };
  const { field, problems } = parseEdictField(pkg.edict);
  if (!field) return { problem: `plugin ${record.name} is broken: ${problems.join('; ')}` };
  const defs = loadDefinitions(root, field, host);
  if (defs.errors.length > 0) return { problem: `plugin ${record.name} is broken: ${defs.errors.join('; ')}` };
  return {
    entry: {
      name: record.name,
      version: pkg.version ?? record.version,
      root,
      moduleType: pkg.type === 'module' ? 'module' : 'commonjs',
      commands: defs.commands,
      hooks: defs.hooks,
      ...(record.source === 'link' ? { linked: { definitionsFile: defs.definitionsFile, mtimeMs: mtimeOf(defs.definitionsFile) } } : {}),
    },
  };
}

/** True when a previous entry can be reused as is (same version and folder, not a changed link). */
function reusable(prev: PluginIndexEntry | undefined, record: PluginRecord): prev is PluginIndexEntry {
  if (!prev || prev.version !== record.version || prev.root !== record.location) return false;
  if (record.source === 'link') return prev.linked !== undefined && mtimeOf(prev.linked.definitionsFile) === prev.linked.mtimeMs;
  return existsSync(prev.root);
}

/**
 * Builds the combined command index from the record. Plugins are taken in name order; a plugin
 * that is missing, broken or incompatible is left out, and a command whose name or alias is
 * already taken (by a built-in or an earlier plugin) is skipped, each with a warning.
 * Entries of `previous` whose plugin has not changed are reused without loading the plugin.
 */
export function buildIndex(pluginsDir: string, host: PluginHost, previous?: PluginIndex): PluginIndex {
  const stamp = recordStamp(pluginsDir);
  const records = readRecords(pluginsDir);
  const sameHost = previous?.hostVersion === host.version && previous.hostName === host.name;
  const prevByName = new Map((sameHost ? previous.plugins : []).map((e) => [e.name, e]));
  const taken = new Map<string, string>(host.builtinNames.map((n) => [n, 'built-in']));
  const plugins: PluginIndexEntry[] = [];
  const warnings: string[] = [];
  for (const name of Object.keys(records.plugins).sort()) {
    const record = records.plugins[name]!;
    const prev = prevByName.get(name);
    const { entry, problem } = reusable(prev, record) ? { entry: prev, problem: undefined } : entryFor(record, host);
    if (!entry) {
      warnings.push(`${problem ?? `plugin ${name} is unusable`}; run \`${host.name} plugins list\` for details`);
      continue;
    }
    const commands: CommandNode[] = [];
    for (const node of entry.commands) {
      const clash = claimedNames([node]).find((n) => taken.has(n));
      if (clash !== undefined) {
        warnings.push(`command "${clash}" of plugin ${name} is skipped: ${taken.get(clash) === 'built-in' ? 'the CLI' : `plugin ${taken.get(clash)}`} already provides it`);
        continue;
      }
      for (const n of claimedNames([node])) taken.set(n, name);
      commands.push(node);
    }
    plugins.push({ ...entry, commands });
  }
  return { version: INDEX_VERSION, hostName: host.name, hostVersion: host.version, recordStamp: stamp, plugins, warnings };
}
