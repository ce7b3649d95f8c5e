import { relative, resolve } from 'node:path';
import type { CommandNode } from '@edict/core';
import type { PluginIndexEntry } from '../types';
import type { LoadedDefinitions } from '../validate/loadDefinitions';

const move = (path: string, from: string, to: string): string => resolve(to, relative(from, path));

function rebaseNode(node: CommandNode, from: string, to: string): CommandNode {
  if (node.kind === 'group') return { ...node, children: node.children.map((c) => rebaseNode(c, from, to)) };
  return typeof node.handler === 'string' ? { ...node, handler: move(node.handler, from, to) } : node;
}

/**
 * The index entry of a plugin validated in a staging folder, with every path moved to where the
 * plugin will live. Lets the index be written without loading the definitions a second time.
 */
export function stagedIndexEntry(
  plugin: { name: string; version: string; moduleType: 'commonjs' | 'module' },
  definitions: LoadedDefinitions,
  stagedRoot: string,
  finalRoot: string,
): PluginIndexEntry {
  const hooks: PluginIndexEntry['hooks'] = {};
  for (const [hook, file] of Object.entries(definitions.hooks) as [keyof PluginIndexEntry['hooks'], string][]) hooks[hook] = move(file, stagedRoot, finalRoot);
  return {
    name: plugin.name,
    version: plugin.version,
    root: finalRoot,
    moduleType: plugin.moduleType,
    commands: definitions.commands.map((n) => rebaseNode(n, stagedRoot, finalRoot)),
    hooks,
  };
}
