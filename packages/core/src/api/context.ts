import type { ConfigStore } from './config';
import type { HostInfo } from './host';
import type { Logger, Prompter } from '../profiles/types';
import type { Output } from './output';

/** Parsed values: positionals and options, each under its kebab-case and camelCase name. */
export type ParsedArgs = Record<string, unknown>;

/** What a handler receives. */
export interface CommandContext {
  args: ParsedArgs;
  /** The argv of this run (after the CLI name). */
  argv: string[];
  /** Canonical names from the root to this command (`['plugins', 'install']`). */
  commandPath: string[];
  host: HostInfo;
  /** Whether `--json` was given: the returned value becomes the `data` of the JSON document. */
  json: boolean;
  out: Output;
  config: ConfigStore;
  /** `--debug` or `<PREFIX>_DEBUG=1`. */
  debug: boolean;
  /** Questions on the user's terminal; each throws `EDICT_PROMPT_UNAVAILABLE` when not interactive. */
  prompt: Prompter;
  /**
   * The run's logger: lines go to `<home>/logs/<cli>.log` at or above `<PREFIX>_LOG_LEVEL`
   * (default warn), tagged with the package name of the plugin that owns the command (else the
   * host's name), secure values masked; `--debug` copies lines at debug and above to stderr.
   */
  log: Logger;
  /**
   * The profiles of a command that uses profile types (`profile` in its definition), by type:
   * the chosen profile's name and its property values in effect (merged over files, parents and
   * the base profile; secure ones loaded from the credential store; a flag, environment variable
   * or prompt that gave a property's option replaces the profile's value). Undefined for commands
   * without profile types; a type with no profile is absent.
   */
  profiles?: Record<string, { name: string; properties: Record<string, unknown> }>;
}

/**
 * A command's implementation. The returned value is the `data` of `--json` output; in text mode
 * a returned string is printed, and an object with a string `message` has that message printed.
 */
export type CommandHandler = (ctx: CommandContext) => unknown;
