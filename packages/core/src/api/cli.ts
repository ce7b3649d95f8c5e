import type { CommandNode } from '../definitions/types';
import type { CliIO } from './io';
import type { CredentialManager, ProfileTypeDefinition } from '../profiles/types';
import type { CommandSource } from './source';

/** Which framework built-in commands a CLI offers (all on by default). */
export interface BuiltinSwitches {
  /** `help [command…]`: the same text as `[command…] --help`. */
  help?: boolean;
  /** `version`: the CLI's, the framework's and Node's versions (as `--version --debug`). */
  version?: boolean;
  config?: boolean;
  completion?: boolean;
  docs?: boolean;
}

/** Options of {@link createCli}. */
export interface CliOptions {
  /** The command name users type (`mycli`); also the source of the env prefix and home folder. */
  name: string;
  version: string;
  description?: string;
  /** npm name of the host package; defaults to `name`. */
  packageName?: string;
  /** The host package's folder. */
  packageRoot?: string;
  /** The host's built-in commands. */
  commands?: CommandNode[];
  /** Lazily loaded providers of more commands (plugins). */
  sources?: CommandSource[];
  /**
   * One folder for data, config and cache, as `<PREFIX>_HOME` gives (else the XDG or platform folders; see
   * HostDirs).
   */
  home?: string;
  /** Overrides the env prefix (else `name` upper-cased, non-alphanumerics → `_`). */
  envPrefix?: string;
  builtins?: BuiltinSwitches;
  /** The host's own profile types (plugins add theirs through their manifests). */
  profileTypes?: ProfileTypeDefinition[];
  /** Where secure profile values are kept; defaults to the OS credential store. */
  credentialManager?: CredentialManager;
}

/** A CLI ready to run. */
export interface Cli {
  readonly options: CliOptions;
  /**
   * Runs one command line (without node and script: `process.argv.slice(2)`) and resolves to the
   * exit code: 0 success, 1 runtime failure, 2 usage error. Never calls `process.exit`.
   */
  run(argv: string[], io?: Partial<CliIO>): Promise<number>;
}
