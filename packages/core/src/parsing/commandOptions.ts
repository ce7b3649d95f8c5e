import type { CommandDefinition, CommandNode, OptionDefinition } from '../definitions/types';
import { isGroup } from '../definitions/types';

/** The profile types a command uses: required ones first, each once. */
export function profileTypesUsed(command: CommandNode | undefined): string[] {
  if (command === undefined || isGroup(command)) return [];
  const use = (command as CommandDefinition).profile;
  return [...new Set([...(use?.required ?? []), ...(use?.optional ?? [])])];
}

/** `--greeter-profile <name>`: picks the profile of a type a command uses. */
export function profileOption(type: string): OptionDefinition {
  return {
    name: `${type}-profile`,
    type: 'string',
    summary: `The ${type} profile to use (default: the "defaults.${type}" of the config files)`,
    config: false,
  };
}

/**
 * The options a command accepts: those of every group above it, then its own (later wins), then
 * `--<type>-profile` for each profile type it uses.
 */
export function commandOptions(path: readonly CommandNode[]): OptionDefinition[] {
  const byName = new Map<string, OptionDefinition>();
  for (const node of path) for (const o of node.options ?? []) byName.set(o.name, o);
  for (const type of profileTypesUsed(path[path.length - 1]))
    if (!byName.has(`${type}-profile`)) byName.set(`${type}-profile`, profileOption(type));
  return [...byName.values()];
}
