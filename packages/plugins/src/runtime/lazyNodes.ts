import type { CommandNode } from '@edict/core';
import type { IndexTopNode, PluginIndexEntry } from '../types';

/** Fields of a command node besides the ones routing and root help read. */
const DEFERRED = [
  'children',
  'options',
  'positionals',
  'description',
  'examples',
  'handler',
  'deprecated',
] as const;

/**
 * A plugin's top-level nodes that carry only what routing and root help read (name, aliases,
 * summary, kind); every other field parses the plugin's definitions on first access. So a run
 * parses the definitions of the one plugin it routes into, not those of every installed plugin.
 */
export function lazyTopNodes(
  entry: PluginIndexEntry,
  finish: (node: CommandNode) => CommandNode,
): CommandNode[] {
  if (!entry.top) return entry.commands.map(finish);
  let full: CommandNode[] | undefined;
  const fullNode = (i: number): CommandNode | undefined => (full ??= entry.commands.map(finish))[i];
  return entry.top.map((top: IndexTopNode, i) => {
    const node = { ...top } as Record<string, unknown>;
    for (const key of DEFERRED) {
      Object.defineProperty(node, key, {
        enumerable: true,
        configurable: true,
        get: () => (fullNode(i) as Record<string, unknown> | undefined)?.[key],
      });
    }
    return node as unknown as CommandNode;
  });
}
