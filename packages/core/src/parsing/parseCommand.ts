import type { ConfigStore } from '../api/config';
import type { ParsedArgs } from '../api/context';
import type { CommandDefinition, CommandNode, OptionDefinition } from '../definitions/types';
import { isGroup } from '../definitions/types';
import { camelCase } from '../host/names';
import { commandOptions } from './commandOptions';
import { layerOptions, type LayeredOptions, type LayerInput } from './layerOptions';
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

/** A command line split into flags and positionals, before any layering. */
export interface TokenizedCommand {
  command: CommandDefinition;
  names: string[];
  helpHint: string;
  options: OptionDefinition[];
  flags: Record<string, unknown>;
  /** The positional words, bound by {@link bindCommandPositionals} after the options are checked. */
  words: string[];
}

/** Tokenizes a command's argv (the first step of {@link parseCommand}). */
export function tokenizeCommand(input: ParseInput): TokenizedCommand {
  const command = input.path[input.path.length - 1] as CommandDefinition;
  if (isGroup(command)) throw new Error('parseCommand needs a command, not a group');
  const names = input.path.map((n) => n.name);
  const helpHint = `${[input.cliName, ...names].join(' ')} --help`;
  const options = commandOptions(input.path);
  const tokens = tokenize(input.argv, options, helpHint);
  return { command, names, helpHint, options, flags: tokens.flags, words: tokens.positionals };
}

/** The positionals' values by name; throws the usage error of a missing or extra one. */
export function bindCommandPositionals(tokenized: TokenizedCommand): Record<string, unknown> {
  return bindPositionals(tokenized.command.positionals ?? [], tokenized.words, tokenized.helpHint);
}

/** The layering input of a tokenized command. */
export function layerInputOf(input: ParseInput, tokenized: TokenizedCommand): LayerInput {
  return {
    envPrefix: input.envPrefix,
    env: input.env,
    commandPath: tokenized.names,
    config: input.config,
    cliName: input.cliName,
    helpHint: tokenized.helpHint,
  };
}

/** The handler's args: positionals and options, each under its kebab-case and camelCase name. */
export function argsOf(positionals: Record<string, unknown>, values: Record<string, unknown>): ParsedArgs {
  const args: ParsedArgs = {};
  for (const [name, value] of Object.entries({ ...positionals, ...values })) {
    args[name] = value;
    args[camelCase(name)] = value;
  }
  return args;
}

/** Parses, layers and validates one command's arguments; returns the handler's args and warnings. */
export function parseCommand(input: ParseInput): {
  args: ParsedArgs;
  warnings: string[];
  layered: LayeredOptions;
} {
  const tokenized = tokenizeCommand(input);
  const layered = layerOptions(tokenized.options, tokenized.flags, layerInputOf(input, tokenized));
  const warnings = validateOptions(tokenized.options, layered, tokenized.helpHint);
  return { args: argsOf(bindCommandPositionals(tokenized), layered.values), warnings, layered };
}
