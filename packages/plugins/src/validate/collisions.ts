import type { CommandNode } from '@edict/core';

/** The top-level names and aliases a plugin's commands claim. */
export function claimedNames(commands: readonly CommandNode[]): string[] {
  return commands.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
}

/**
 * Names this plugin claims that are already taken. `taken` maps each claimed name to its
 * owner (`built-in` or a plugin name).
 */
export function findCollisions(commands: readonly CommandNode[], taken: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const own = new Set<string>();
  for (const name of claimedNames(commands)) {
    const owner = taken.get(name);
    if (owner !== undefined) problems.push(`command "${name}" is already provided by ${owner === 'built-in' ? 'the CLI itself' : `plugin ${owner}`}`);
    else if (own.has(name)) problems.push(`command "${name}" is declared twice`);
    own.add(name);
  }
  return problems;
}
