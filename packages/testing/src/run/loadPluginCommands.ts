import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CommandNode } from '@edict/core';

interface PluginManifest {
  name?: string;
  edict?: { commands?: string };
}

function withAbsoluteHandlers(node: CommandNode, root: string): CommandNode {
  if (node.kind === 'group')
    return { ...node, children: node.children.map((child) => withAbsoluteHandlers(child, root)) };
  if (typeof node.handler === 'string' && !isAbsolute(node.handler))
    return { ...node, handler: resolve(root, node.handler) };
  return node;
}

/**
 * Reads a plugin project's commands the way a host does: `edict.commands` of its package.json
 * (a `.json` file or a CommonJS/ESM module exporting `commands` or a default array), with every
 * handler path made absolute against the plugin root. Pass the result as `commands` to
 * `createCli` to run the plugin's commands in a test without installing it.
 */
export async function loadPluginCommands(root: string): Promise<CommandNode[]> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PluginManifest;
  const file = pkg.edict?.commands;
  if (!file)
    throw new Error(
      `${join(root, 'package.json')} has no "edict": { "commands": … } field, so it is not a plugin.`,
    );
  const path = resolve(root, file);
  let commands: unknown;
  if (path.endsWith('.json')) {
    commands = JSON.parse(readFileSync(path, 'utf8'));
  } else {
    const mod = (await import(pathToFileURL(path).href)) as { commands?: unknown; default?: unknown };
    commands = mod.commands ?? (mod.default as { commands?: unknown } | undefined)?.commands ?? mod.default;
  }
  if (!Array.isArray(commands)) throw new Error(`${path} does not export a \`commands\` array.`);
  return (commands as CommandNode[]).map((node) => withAbsoluteHandlers(node, root));
}
