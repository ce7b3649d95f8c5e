import { basename, resolve } from 'node:path';
import type { CreateArgs, PackageManager } from './args';
import { PACKAGE_MANAGERS } from './args';
import { CreateError } from './errors';
import { freeCommandName, readHostCommands } from './hostCommands';
import {
  checkCommandName,
  checkPackageName,
  commandFromPluginName,
  envPrefix,
  packageNameFromFolder,
  unscoped,
} from './names';
import type { Prompter } from './prompt';

/** Everything needed to generate a project, after flags, prompts and defaults. */
export interface ProjectOptions {
  kind: 'cli' | 'plugin';
  /** Absolute target folder. */
  dir: string;
  name: string;
  description: string;
  pm: PackageManager;
  edictRange: string;
  /** CLI: the command users type. */
  bin?: string;
  /** Plugin: the host CLI's command, package and supported range, and the plugin's command group. */
  host?: string;
  hostPackage?: string;
  hostRange?: string;
  command?: string;
  /** What the user should know about the choices made (a command renamed to avoid the host's). */
  notes?: string[];
}

function missing(flag: string, what: string, example: string): CreateError {
  return new CreateError(
    'EDICT_CREATE_MISSING',
    `Missing ${flag}: ${what}. There is no terminal to ask on, so give it as a flag.`,
    {
      hint: example,
      usage: true,
    },
  );
}

/** The package manager that ran us (`npm_config_user_agent` is `pnpm/10… npm/? node/…` under pnpm). */
export function detectPackageManager(env: Record<string, string | undefined>): PackageManager {
  const agent = env.npm_config_user_agent ?? '';
  return PACKAGE_MANAGERS.find((pm) => agent.startsWith(`${pm}/`)) ?? 'npm';
}

/**
 * Fills in what the flags left out: asks on a terminal (`prompter` given and no `--yes`), else
 * uses defaults; a required value with no default (the folder, a plugin's host) is an error
 * naming its flag.
 */
export async function resolveOptions(
  args: CreateArgs,
  ctx: { cwd: string; env: Record<string, string | undefined>; prompter?: Prompter; ownVersion: string },
): Promise<ProjectOptions> {
  const prompter = args.yes ? undefined : ctx.prompter;
  const ask = async (question: string, fallback?: string): Promise<string | undefined> =>
    prompter ? (await prompter.ask(question, fallback)) || undefined : fallback;

  const dirArg = args.dir ?? (await ask('Project folder:'));
  if (!dirArg) throw missing('the project folder', 'where to create the project', 'npm create edict my-cli');
  const dir = resolve(ctx.cwd, dirArg);
  const kindAnswer = args.kind ?? (await ask('Create a cli or a plugin?', 'cli'));
  if (kindAnswer !== 'cli' && kindAnswer !== 'plugin') {
    throw new CreateError(
      'EDICT_CREATE_USAGE',
      `"${kindAnswer}" is not a project kind: answer cli or plugin.`,
      { hint: 'npm create edict my-plugin -- --plugin --host mycli', usage: true },
    );
  }
  const kind = kindAnswer;
  const name = checkPackageName(
    args.name ?? (await ask('Package name:', packageNameFromFolder(basename(dir)))) ?? '',
    '--name',
  );
  const pmAnswer = args.pm ?? (await ask('Package manager (npm or pnpm):', detectPackageManager(ctx.env)));
  if (!PACKAGE_MANAGERS.includes(pmAnswer as PackageManager)) {
    throw new CreateError(
      'EDICT_CREATE_USAGE',
      `"${pmAnswer}" is not a supported package manager (npm, pnpm).`,
      { hint: `npm create edict ${dirArg} -- --pm npm`, usage: true },
    );
  }
  const pm = pmAnswer as PackageManager;
  const edictRange = args.edictVersion ?? `^${ctx.ownVersion}`;

  if (kind === 'cli') {
    const bin = checkCommandName(args.bin ?? unscoped(name), '--bin');
    const description = args.description ?? `The ${bin} command-line tool.`;
    return { kind, dir, name, description, pm, edictRange, bin };
  }
  const host = args.host ?? (await ask('Which CLI is the plugin for (its command name)?'));
  if (!host)
    throw missing(
      '--host',
      'the CLI this plugin is for',
      `npm create edict ${dirArg} -- --plugin --host mycli`,
    );
  checkCommandName(host, '--host');
  const hostPackage = checkPackageName(args.hostPackage ?? host, '--host-package');
  const taken = readHostCommands(host, ctx.env);
  const derived = args.command ?? commandFromPluginName(name, host);
  const command = checkCommandName(args.command ?? freeCommandName(derived, taken), '--command');
  const free = freeCommandName(command, taken);
  if (args.command && free !== command) {
    throw new CreateError(
      'EDICT_CREATE_COMMAND_TAKEN',
      `${host} already has a command named \`${command}\`.`,
      {
        hint: `npm create edict ${dirArg} -- --plugin --host ${host} --command ${free}`,
        usage: true,
      },
    );
  }
  const notes =
    command === derived
      ? []
      : [
          `${host} already has a command named \`${derived}\`, so the plugin's command is ` +
            `\`${command}\` (--command chooses another).`,
        ];
  const description = args.description ?? `A ${host} plugin: adds \`${host} ${command} …\` commands.`;
  return {
    kind,
    dir,
    name,
    description,
    pm,
    edictRange,
    host,
    hostPackage,
    hostRange: args.hostVersion ?? '^0.1.0',
    command,
    ...(notes.length ? { notes } : {}),
  };
}

/** The template values of a project. */
export function templateVars(options: ProjectOptions): Record<string, string> {
  const run = options.pm === 'npm' ? 'npm run' : 'pnpm';
  const vars: Record<string, string> = {
    name: options.name,
    description: options.description,
    descriptionJson: JSON.stringify(options.description),
    pm: options.pm,
    run,
    install: `${options.pm} install`,
    edictRange: options.edictRange,
    typescriptRange: '~5.9.3',
    typesNodeRange: '^20.19.0',
  };
  if (options.bin) Object.assign(vars, { bin: options.bin, envPrefix: envPrefix(options.bin) });
  if (options.host)
    Object.assign(vars, {
      host: options.host,
      hostPackage: options.hostPackage!,
      hostRange: options.hostRange!,
      command: options.command!,
      codePrefix: envPrefix(options.command!),
    });
  return vars;
}
