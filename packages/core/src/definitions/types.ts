import type { HostInfo } from '../api/host';
import type { CommandProfileUse } from '../profiles/types';

/**
 * Command definitions are plain data. A definition names its handler lazily (a module path or
 * a loader function), so a CLI can define thousands of commands and load only the one that runs.
 */

/** The value types an option can take. `count` counts repetitions (`-vvv` → 3). */
export type OptionType = 'string' | 'number' | 'boolean' | 'array' | 'count';

/** An option (`--name value`). Names are kebab-case; handlers see them camelCased too. */
export interface OptionDefinition {
  name: string;
  type: OptionType;
  summary: string;
  /** Other names: single letters become `-x`, longer ones `--long`. */
  aliases?: readonly string[];
  /** The only values accepted (for `array`, each element). */
  choices?: readonly (string | number)[];
  /**
   * `number` only: the smallest value accepted. Checked for flag, environment and config values
   * alike (not for `default`); outside it is a usage error naming the option, value and bounds.
   */
  min?: number;
  /** `number` only: the largest value accepted (checked like {@link OptionDefinition.min}). */
  max?: number;
  /**
   * `number` only: accept whole numbers only (`--times 2.5` is a usage error). Every number
   * option refuses values beyond `Number.MAX_SAFE_INTEGER` either way, as they lose precision.
   */
  integer?: boolean;
  /** Used when no flag, environment variable or config value gives one. */
  default?: unknown;
  required?: boolean;
  /** Options that may not be given together with this one. */
  conflicts?: readonly string[];
  /** Options that must also be given when this one is. */
  implies?: readonly string[];
  /** Left out of help and completion, still accepted. */
  hidden?: boolean;
  /** Still accepted, with a warning; `replacement` names the option to use instead. */
  deprecated?: boolean | { replacement?: string; message?: string };
  /** Environment variable that sets it; `false` turns environment layering off for it. */
  env?: string | false;
  /** Whether the per-user config file may set it (default true). */
  config?: boolean;
  /** Completes its value on TAB from a module, loaded only while completing (see {@link CompleterRef}). */
  complete?: CompleterRef;
}

/** A positional argument, in the order declared. At most the last one is variadic. */
export interface PositionalDefinition {
  name: string;
  summary: string;
  type?: 'string' | 'number';
  required?: boolean;
  variadic?: boolean;
  choices?: readonly (string | number)[];
  /** Completes its value on TAB from a module, loaded only while completing (see {@link CompleterRef}). */
  complete?: CompleterRef;
}

/**
 * A dynamic completer, named as data: an absolute module path whose `complete` export (or default
 * function) is a {@link Completer}, or `{ module, export }` to pick another export. The module is
 * loaded only when a TAB completes this value, never on a normal run.
 */
export type CompleterRef = string | { module: string; export?: string };

/** What a {@link Completer} is told: the partial value, the words before it, the host. */
export interface CompletionRequest {
  /** The value typed so far (possibly empty); candidates not starting with it are dropped. */
  current: string;
  /** The words after the CLI name, the last one being the one completed. */
  words: readonly string[];
  host: HostInfo;
}

/** Returns the candidate values; a completer that throws or times out completes nothing. */
export type Completer = (request: CompletionRequest) => readonly string[] | Promise<readonly string[]>;

/** One example shown in help. */
export interface ExampleDefinition {
  command: string;
  description: string;
}

/**
 * Where a command's handler comes from: an absolute module path (loaded on demand; the module
 * exports `handler` or a default function), or a function that returns the handler or its module.
 */
export type HandlerRef = string | (() => unknown);

interface NodeBase {
  name: string;
  aliases?: readonly string[];
  /** One line for lists. */
  summary: string;
  /** Paragraphs for the command's own help. */
  description?: string;
  hidden?: boolean;
  examples?: readonly ExampleDefinition[];
  /**
   * Who provides the command: the package name of the plugin that owns it. Set by a command
   * source on its top-level nodes (the plugins source does, overriding whatever the plugin wrote);
   * the engine reads it from the top-level node of the routed path to tag the command's log lines
   * (`ctx.log`). Nodes without one (the host's and the framework's) log under the host's name.
   */
  origin?: string;
}

/** A runnable command. */
export interface CommandDefinition extends NodeBase {
  kind?: 'command';
  positionals?: readonly PositionalDefinition[];
  options?: readonly OptionDefinition[];
  /** Profile types whose properties fill this command's options (see docs/profiles.md). */
  profile?: CommandProfileUse;
  handler: HandlerRef;
}

/** A group of commands and groups (`mycli plugins install`: `plugins` is a group). */
export interface GroupDefinition extends NodeBase {
  kind: 'group';
  children: readonly CommandNode[];
  /** Options every command below accepts. */
  options?: readonly OptionDefinition[];
}

export type CommandNode = CommandDefinition | GroupDefinition;

/** True when the node is a group. */
export function isGroup(node: CommandNode): node is GroupDefinition {
  return node.kind === 'group';
}
