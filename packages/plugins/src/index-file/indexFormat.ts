import type { CommandNode } from '@edict/core';
import type { IndexTopNode, PluginIndex, PluginIndexEntry } from '../types';

/** One plugin as stored: its top-level names, and its full definitions as one JSON string. */
type StoredEntry = Omit<PluginIndexEntry, 'commands' | 'top'> & { top: IndexTopNode[]; commandsJson: string };
type StoredIndex = Omit<PluginIndex, 'plugins'> & { plugins: StoredEntry[] };

function topOf(node: CommandNode): IndexTopNode {
  return {
    ...(node.kind ? { kind: node.kind } : {}),
    name: node.name,
    ...(node.aliases?.length ? { aliases: node.aliases } : {}),
    summary: node.summary,
    ...(node.hidden ? { hidden: true } : {}),
  };
}

/**
 * `index.json` text. Each plugin's definitions are stored as a JSON string beside its top-level
 * names: a run parses the whole file, but a string costs a fraction of the objects it holds, and
 * only the plugin whose command runs has its definitions parsed (see {@link parseIndex}).
 */
export function serializeIndex(index: PluginIndex): string {
  const stored: StoredIndex = {
    ...index,
    plugins: index.plugins.map(({ commands, top: _top, ...rest }) => ({ ...rest, top: commands.map(topOf), commandsJson: JSON.stringify(commands) })),
  };
  return JSON.stringify(stored);
}

/** The index in `text`, with each plugin's `commands` parsed on first access; undefined if unusable. */
export function parseIndex(text: string): PluginIndex | undefined {
  let stored: StoredIndex;
  try {
    stored = JSON.parse(text) as StoredIndex;
  } catch {
    return undefined;
  }
  if (!stored || stored.version !== 2 || !Array.isArray(stored.plugins)) return undefined;
  const plugins = stored.plugins.map(({ commandsJson, ...rest }): PluginIndexEntry => {
    let commands: CommandNode[] | undefined;
    const entry = { ...rest } as PluginIndexEntry;
    Object.defineProperty(entry, 'commands', {
      enumerable: true,
      configurable: true,
      get: () => (commands ??= JSON.parse(commandsJson) as CommandNode[]),
    });
    return entry;
  });
  return { ...stored, plugins };
}
