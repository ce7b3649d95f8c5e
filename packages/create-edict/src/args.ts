import { CreateError } from './errors';

/** The package managers a generated project can be set up for. */
export type PackageManager = 'npm' | 'pnpm';
export const PACKAGE_MANAGERS: readonly PackageManager[] = ['npm', 'pnpm'];

/** What the command line said; anything not given is left undefined (prompted for or defaulted). */
export interface CreateArgs {
  /** The folder to create the project in. */
  dir?: string;
  /** `cli` (default) or `plugin`. */
  kind?: 'cli' | 'plugin';
  /** npm package name (default: the folder's name). */
  name?: string;
  description?: string;
  /** Command name users type (CLI only; default: the package name without scope). */
  bin?: string;
  /** The host CLI a plugin is for (its command and package name). */
  host?: string;
  /** npm package name of the host when it differs from `host`. */
  hostPackage?: string;
  /** Range of the host package the plugin supports. */
  hostVersion?: string;
  /** Name of the plugin's top-level command group. */
  command?: string;
  /** Range of the `@edict/*` packages to depend on. */
  edictVersion?: string;
  pm?: PackageManager;
  install: boolean;
  force: boolean;
  dryRun: boolean;
  yes: boolean;
  help: boolean;
  version: boolean;
}

const VALUE_FLAGS: Record<string, keyof CreateArgs> = {
  name: 'name',
  description: 'description',
  bin: 'bin',
  host: 'host',
  'host-package': 'hostPackage',
  'host-version': 'hostVersion',
  command: 'command',
  'edict-version': 'edictVersion',
  pm: 'pm',
};
const BOOLEAN_FLAGS: Record<string, keyof CreateArgs> = {
  install: 'install',
  force: 'force',
  'dry-run': 'dryRun',
  yes: 'yes',
  y: 'yes',
  help: 'help',
  h: 'help',
  version: 'version',
};

function usage(message: string): CreateError {
  return new CreateError('EDICT_CREATE_USAGE', message, { hint: 'npm create edict -- --help', usage: true });
}

/** Parses create-edict's command line (`my-cli --plugin --host mycli --pm pnpm`). */
export function parseArgs(argv: readonly string[]): CreateArgs {
  const args: CreateArgs = {
    install: false,
    force: false,
    dryRun: false,
    yes: false,
    help: false,
    version: false,
  };
  const record = args as unknown as Record<string, unknown>;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (!token.startsWith('-') || token === '-') {
      if (args.dir !== undefined)
        throw usage(`Only one project folder can be given (got "${args.dir}" and "${token}").`);
      args.dir = token;
      continue;
    }
    const [rawName, inline] = token.replace(/^--?/, '').split(/=(.*)/s, 2) as [string, string | undefined];
    if (rawName === 'plugin' || rawName === 'cli') {
      args.kind = rawName;
    } else if (rawName.startsWith('no-') && BOOLEAN_FLAGS[rawName.slice(3)]) {
      record[BOOLEAN_FLAGS[rawName.slice(3)]!] = false;
    } else if (BOOLEAN_FLAGS[rawName]) {
      record[BOOLEAN_FLAGS[rawName]!] = inline === undefined ? true : inline !== 'false';
    } else if (VALUE_FLAGS[rawName]) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('-')))
        throw usage(`--${rawName} needs a value.`);
      record[VALUE_FLAGS[rawName]!] = value;
    } else {
      throw usage(`Unknown option ${token}.`);
    }
  }
  if (args.pm !== undefined && !PACKAGE_MANAGERS.includes(args.pm)) {
    throw usage(`--pm must be one of ${PACKAGE_MANAGERS.join(', ')} (got "${args.pm}").`);
  }
  return args;
}

/** The text of `create-edict --help`. */
export const HELP = `Usage: npm create edict <folder> [-- options]
       npx create-edict <folder> [options]

Creates a new TypeScript CLI on the Edict framework, or a plugin for one.

Options:
  --plugin               Create a plugin project instead of a CLI
  --host <cli>           The CLI the plugin is for (plugin; required)
  --host-package <name>  npm package of the host, when it differs from --host
  --host-version <range> Host versions the plugin supports (default ^0.1.0)
  --command <name>       The plugin's top-level command (default: from the name)
  --name <package>       npm package name (default: the folder name)
  --bin <command>        The command users type (CLI; default: the name without scope)
  --description <text>   One line for package.json and the README
  --pm <npm|pnpm>        Package manager the project is set up for (default npm)
  --edict-version <range> Range of the @edict/* packages (default: this scaffolder's)
  --install              Run "<pm> install" in the new project
  --force                Write into a folder that is not empty (files are overwritten)
  --dry-run              List the files that would be written; write nothing
  -y, --yes              Ask nothing: use defaults for everything not given
  -h, --help             Show this help
  --version              Show the version

Prompts appear only on a terminal; elsewhere, defaults are used and missing required
values are an error that names the flag.
`;
