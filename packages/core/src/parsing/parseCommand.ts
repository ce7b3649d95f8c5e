import type { ConfigStore } from '../api/config';
import type { ParsedArgs } from '../api/context';
import type { CommandDefinition, CommandNode } from '../definitions/types';
import { isGroup } from '../definitions/types';
import { camelCase } from '../host/names';
import { commandOptions } from './commandOptions';
import { layerOptions } from './layerOptions';
import { bindPositionals } from './positionals';
import { tokenize } from './tokenize';
import { validateOptions } from './validate';

/** Inputs of {@link parseCommand}. */
export interface ParseInput {
  path: readonly CommandNode[];
  argv: readonly string[];
  cliName: string;
  envPrefix: string;
  env: Record<string, string | undefined>;
  config: () => ConfigStore;
}

/** Parses, layers and validates one command's arguments; returns the handler's args and warnings. */
export function parseCommand(input: ParseInput): { args: ParsedArgs; warnings: string[] } {
  const command = input.path[input.path.length - 1] as CommandDefinition;
  if (isGroup(command)) throw new Error('parseCommand needs a command, not a group');
  const names = input.path.map((n) => n.name);
  const helpHint = `${[input.cliName, ...names].join(' ')} --help`;
  const options = commandOptions(input.path);
  const tokens = tokenize(input.argv, options, helpHint);
  const layered = layerOptions(options, tokens.flags, {
    envPrefix: input.envPrefix,
    env: input.env,
    commandPath: names,
    config: input.config,
    cliName: input.cliName,
    helpHint,
  });
  const warnings = validateOptions(options, layered, helpHint);
  const positionals = bindPositionals(command.positionals ?? [], tokens.positionals, helpHint);
  const args: ParsedArgs = {};
  for (const [name, value] of Object.entries({ ...positionals, ...layered.values })) {
    args[name] = value;
    args[camelCase(name)] = value;
  }
  return { args, warnings };
}
