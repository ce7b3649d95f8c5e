import type { CommandNode } from '@edict/core';
import type { PluginHost, PluginIndex, PluginRecordFile } from '../types';

/** The top-level names and aliases a plugin's commands claim. */
export function claimedNames(commands: readonly CommandNode[]): string[] {
  return commands.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
}

/**
 * Names this plugin claims that are already taken. `taken` maps each claimed name to its
 * owner (`built-in` or a plugin name).
 */
export function findCollisions(
  commands: readonly CommandNode[],
  taken: ReadonlyMap<string, string>,
): string[] {
  const problems: string[] = [];
  const own = new Set<string>();
  for (const name of claimedNames(commands)) {
    const owner = taken.get(name);
    if (owner !== undefined)
      problems.push(
        `command "${name}" is already provided by ` +
          (owner === 'built-in' ? 'the CLI itself' : `plugin ${owner}`),
      );
    else if (own.has(name)) problems.push(`command "${name}" is declared twice`);
    own.add(name);
  }
  return problems;
}

/**
 * Names a plugin may not claim (name → owner: `built-in` or a plugin): the CLI's own, then every
 * other plugin's, as its record says it owns them or, for a plugin without recorded names (a
 * link, a record of an older version), as the index gives it. Plugins named in `except` (the
 * ones being installed or checked) do not count.
 */
export function takenNames(
  host: Pick<PluginHost, 'builtinNames'>,
  records: PluginRecordFile,
  index: PluginIndex,
  except: ReadonlySet<string | undefined>,
): Map<string, string> {
  const taken = new Map<string, string>(host.builtinNames.map((n) => [n, 'built-in']));
  for (const r of Object.values(records.plugins)) {
    if (except.has(r.name)) continue;
    const names = r.owns ?? claimedNames(index.plugins.find((p) => p.name === r.name)?.commands ?? []);
    for (const n of names) if (!taken.has(n)) taken.set(n, r.name);
  }
  return taken;
}
