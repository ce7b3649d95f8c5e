import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { checkProfileTypes, loadDefinitions } from '@edict/core';
import type { CommandNode, ProfileTypeDefinition } from '@edict/core';

interface PluginManifest {
  name?: string;
  edict?: { commands?: string };
}

/** What a plugin project declares: its commands and its profile types. */
export interface PluginDefinitions {
  /** The commands, every string handler path made absolute against the plugin root. */
  commands: CommandNode[];
  /** The profile types the definitions module exports as `profileTypes` (empty when none). */
  profileTypes: ProfileTypeDefinition[];
}

function withAbsoluteHandlers(node: CommandNode, root: string): CommandNode {
  if (node.kind === 'group')
    return { ...node, children: node.children.map((child) => withAbsoluteHandlers(child, root)) };
  if (typeof node.handler === 'string' && !isAbsolute(node.handler))
    return { ...node, handler: resolve(root, node.handler) };
  return node;
}

/**
 * Reads a plugin project's definitions the way a host does: `edict.commands` of its package.json
 * names a `.json` file or a CommonJS/ESM module exporting `commands` (and optionally
 * `profileTypes`), or a default export. Spread the result into `createCli` to run the plugin's
 * commands, profiles included, in a test without installing it.
 * @throws When the folder is not a plugin, or its definitions or profile types are malformed.
 */
export async function loadPluginDefinitions(root: string): Promise<PluginDefinitions> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PluginManifest;
  const file = pkg.edict?.commands;
  if (!file)
    throw new Error(
      `${join(root, 'package.json')} has no "edict": { "commands": … } field, so it is not a plugin.`,
    );
  const path = resolve(root, file);
  const loaded = await loadDefinitions(path);
  if (loaded.error !== undefined) throw new Error(`${loaded.error}.`);
  if (!Array.isArray(loaded.commands)) throw new Error(`${path} does not export a \`commands\` array.`);
  const types = checkProfileTypes(loaded.profileTypes);
  if (types.errors.length > 0)
    throw new Error(`${path} declares profile types a host refuses: ${types.errors.join('; ')}.`);
  return {
    commands: (loaded.commands as CommandNode[]).map((node) => withAbsoluteHandlers(node, root)),
    profileTypes: types.types,
  };
}

/**
 * The commands of {@link loadPluginDefinitions}, for a test CLI that needs no profile types:
 * pass the result as `commands` to `createCli`.
 */
export async function loadPluginCommands(root: string): Promise<CommandNode[]> {
  return (await loadPluginDefinitions(root)).commands;
}
