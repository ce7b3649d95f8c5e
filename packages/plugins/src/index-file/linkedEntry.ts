import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeJsonAtomic } from '../store/atomicWrite';
import type { PluginHost, PluginIndexEntry, PluginRecord } from '../types';
import { describeIncompatibilities, findIncompatibilities } from '../validate/compatibility';
import { parseEdictField, readPackageJson, type PluginPackageJson } from '../validate/pluginManifest';
import { readDefinitions, type LoadedDefinitions } from '../validate/readDefinitions';

function mtimeOf(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

/**
 * The definitions of a plugin under development (linked), read from its definitions module when
 * it has one, in a sandboxed child, and written to its command manifest so the folder packs with
 * a fresh one. The author linked the folder: this is the only plugin code a rebuild runs.
 */
export function readLinkedDefinitions(
  root: string,
  host: PluginHost,
  known?: PluginPackageJson,
): { definitions?: LoadedDefinitions; moduleType: 'commonjs' | 'module'; problem?: string } {
  let pkg: PluginPackageJson;
  try {
    pkg = known ?? readPackageJson(root);
  } catch (err) {
    return {
      moduleType: 'commonjs',
      problem: `cannot read ${resolve(root, 'package.json')}: ${(err as Error).message}`,
    };
  }
  const moduleType = pkg.type === 'module' ? 'module' : 'commonjs';
  const { field, problems } = parseEdictField(pkg.edict);
  if (!field) return { moduleType, problem: problems.join('; ') };
  const fromModule = field.commands !== undefined && !field.commands.endsWith('.json');
  // The module is the source while linked: an out-of-date manifest must not win over it.
  const definitions = readDefinitions(root, pkg, field, host, { generate: true, ignoreManifest: fromModule });
  if (definitions.errors.length > 0)
    return { definitions, moduleType, problem: definitions.errors.join('; ') };
  if (fromModule) {
    try {
      writeJsonAtomic(resolve(root, field.manifest), {
        edictManifest: 1,
        name: pkg.name,
        version: pkg.version,
        commands: definitions.declared,
      });
    } catch {
      // a read-only folder still links; it packs with whatever manifest it has
    }
  }
  return { definitions, moduleType };
}

/** The index entry of a linked plugin, or why it cannot be used. */
export function linkedEntry(
  record: PluginRecord,
  host: PluginHost,
): { entry?: PluginIndexEntry; problem?: string } {
  let pkg: PluginPackageJson | undefined;
  try {
    pkg = readPackageJson(record.location);
  } catch {
    pkg = undefined; // reported by readLinkedDefinitions
  }
  // An incompatible plugin's module is not run at all.
  const incompat = pkg ? findIncompatibilities(pkg, host) : [];
  if (incompat.length > 0)
    return {
      problem:
        `plugin ${record.name}@${record.version}` +
        ` is incompatible: ${describeIncompatibilities(incompat)}`,
    };
  const { definitions, moduleType, problem } = readLinkedDefinitions(record.location, host, pkg);
  if (problem || !definitions)
    return { problem: `plugin ${record.name} is broken: ${problem ?? 'no definitions'}` };
  const file = definitions.definitionsFile ?? resolve(record.location, 'package.json');
  return {
    entry: {
      name: record.name,
      version: record.version,
      root: record.location,
      moduleType,
      commands: definitions.commands,
      hooks: definitions.hooks,
      linked: { definitionsFile: file, mtimeMs: mtimeOf(file) },
    },
  };
}

/** True when a linked plugin's entry from an earlier index still holds (its definitions file unchanged). */
export function linkedEntryFresh(prev: PluginIndexEntry, record: PluginRecord): boolean {
  return (
    prev.root === record.location &&
    prev.linked !== undefined &&
    mtimeOf(prev.linked.definitionsFile) === prev.linked.mtimeMs
  );
}
