import type { CommandNode, OptionDefinition } from '../definitions/types';

/** The options a command accepts: those of every group above it, then its own (later wins). */
export function commandOptions(path: readonly CommandNode[]): OptionDefinition[] {
  const byName = new Map<string, OptionDefinition>();
  for (const node of path) for (const o of node.options ?? []) byName.set(o.name, o);
  return [...byName.values()];
}
