import type { CommandNode, ProfileTypeDefinition } from '@edict/core';
import type { PluginHost, PluginIndex, PluginIndexEntry, PluginRecordFile } from '../types';

/** The names of the host's own profile types. */
export function hostProfileTypeNames(host: Pick<PluginHost, 'profileTypes'>): string[] {
  return (host.profileTypes ?? []).map((t) => t.type);
}

/** The profile types of an index entry that are in use: those no one else owns. */
export function usableProfileTypes(entry: PluginIndexEntry): ProfileTypeDefinition[] {
  const clashes = entry.profileTypeConflicts ?? [];
  return (entry.profileTypes ?? []).filter((t) => !clashes.includes(t.type));
}

/**
 * Profile type names a plugin may not declare (name → owner: `built-in` or a plugin): the CLI's
 * own, then every other plugin's, as its record says it owns them or, for a plugin without
 * recorded types (a link, a record of an older version), as the index gives them. Plugins named
 * in `except` (the ones being installed or checked) do not count.
 */
export function takenProfileTypes(
  host: Pick<PluginHost, 'profileTypes'>,
  records: PluginRecordFile,
  index: PluginIndex,
  except: ReadonlySet<string | undefined>,
): Map<string, string> {
  const taken = new Map<string, string>(hostProfileTypeNames(host).map((n) => [n, 'built-in']));
  for (const r of Object.values(records.plugins)) {
    if (except.has(r.name)) continue;
    const entry = index.plugins.find((p) => p.name === r.name);
    const names = r.ownsProfileTypes ?? (entry ? usableProfileTypes(entry) : []).map((t) => t.type);
    for (const n of names) if (!taken.has(n)) taken.set(n, r.name);
  }
  return taken;
}

/** The profile types of a plugin that are already taken (see {@link takenProfileTypes}), one message each. */
export function findProfileTypeCollisions(
  types: readonly ProfileTypeDefinition[],
  taken: ReadonlyMap<string, string>,
): string[] {
  return types.flatMap((t) => {
    const owner = taken.get(t.type);
    if (owner === undefined) return [];
    const by = owner === 'built-in' ? 'the CLI itself' : `plugin ${owner}`;
    return [`profile type "${t.type}" is already declared by ${by}`];
  });
}

function* profileUses(
  nodes: readonly CommandNode[],
  path: string[] = [],
): Generator<[command: string, use: 'required' | 'optional', type: string]> {
  for (const node of nodes) {
    const here = [...path, node.name];
    if (node.kind === 'group') yield* profileUses(node.children, here);
    else
      for (const use of ['required', 'optional'] as const)
        for (const type of node.profile?.[use] ?? []) yield [here.join(' '), use, type];
  }
}

/**
 * Profile types the plugin's commands use that neither it nor the CLI declares: an error for a
 * required type (the command could never get its values), a warning for an optional one (the
 * command runs without it). A plugin may use its own types and the CLI's, not another plugin's.
 */
export function unknownProfileTypeUses(
  commands: readonly CommandNode[],
  own: readonly ProfileTypeDefinition[],
  host: Pick<PluginHost, 'name' | 'profileTypes'>,
): { errors: string[]; warnings: string[] } {
  const known = new Set([...own.map((t) => t.type), ...hostProfileTypeNames(host)]);
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const [command, use, type] of profileUses(commands)) {
    if (known.has(type)) continue;
    const text =
      `command "${command}" uses profile type "${type}", ` +
      `which neither the plugin nor ${host.name} declares`;
    if (use === 'required') errors.push(text);
    else warnings.push(`${text}; the command runs without it`);
  }
  return { errors, warnings };
}
