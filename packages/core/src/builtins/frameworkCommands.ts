import { resolve } from 'node:path';
import { writeFileAtomic } from '../fs/writeFileAtomic';
import type { BuiltinSwitches } from '../api/cli';
import type { CommandContext } from '../api/context';
import type { CommandNode } from '../definitions/types';
import type { CredentialManager, ProfileTypeDefinition } from '../profiles/types';
import { configGroup } from './configCommands';
import { SHELLS, installCommand, type Shell } from './shells';

// The script and markdown renderers are required by the handlers that use them, not on every run.
/* eslint-disable @typescript-eslint/no-require-imports */
const scripts = (): typeof import('./completionScripts') =>
  require('./completionScripts') as typeof import('./completionScripts');
const markdown = (): typeof import('./renderMarkdown') =>
  require('./renderMarkdown') as typeof import('./renderMarkdown');
const versions = (): typeof import('./versionInfo') =>
  require('./versionInfo') as typeof import('./versionInfo');
/* eslint-enable @typescript-eslint/no-require-imports */

/** The hidden command completion scripts call back (`<cli> __complete -- <words…>`). */
export const COMPLETE_COMMAND = '__complete';

/** The shell named by a `$SHELL` path (`/usr/bin/zsh` → zsh), else bash. */
function shellOf(path: string | undefined): Shell {
  const name =
    (path ?? '')
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.exe$/i, '') ?? '';
  if (name === 'pwsh') return 'powershell';
  return (SHELLS as readonly string[]).includes(name) ? (name as Shell) : 'bash';
}

/**
 * `<cli> help [command…]`. The engine answers it as `<cli> [command…] --help` before any
 * handler would run (an unknown command is the usual error with a suggestion).
 */
export const HELP_COMMAND = 'help';

/** What the framework built-ins need from the run. */
export interface BuiltinEnv {
  switches: BuiltinSwitches;
  description: string | undefined;
  /** The merged command tree (built-ins and sources), read when a built-in runs. */
  tree: () => readonly CommandNode[];
  /** The profile types known to the run (host, then sources), read when a built-in runs. */
  profileTypes: () => readonly ProfileTypeDefinition[];
  /** The run's credential manager, created when a built-in first needs it. */
  credentials: () => CredentialManager;
}

/**
 * The framework's own commands (`help`, `version`, `config`, `completion`, `docs`, hidden `__complete`), per
 * the switches.
 */
export function frameworkCommands(env: BuiltinEnv): CommandNode[] {
  const nodes: CommandNode[] = [];
  if (env.switches.help !== false) {
    nodes.push({
      name: HELP_COMMAND,
      summary: 'Show help for a command (the same as --help after it)',
      positionals: [{ name: 'command', summary: 'The command words, e.g. config set', variadic: true }],
      examples: [{ command: '$0 help config set', description: 'Show the help of `config set`' }],
      handler: () => () => {
        throw new Error('help is answered by the engine before its handler would run');
      },
    });
  }
  if (env.switches.version !== false) {
    nodes.push({
      name: 'version',
      summary: 'Show the versions of this CLI, the framework and Node',
      handler: () => (ctx: CommandContext) => versions().versionInfo(ctx.host.name, ctx.host.version),
    });
  }
  if (env.switches.config !== false) nodes.push(configGroup(env));
  if (env.switches.completion !== false) {
    nodes.push({
      name: 'completion',
      summary: 'Print a shell completion script',
      description:
        'Without a shell, the one in $SHELL (bash when it is none of ' +
        'these). The script asks the CLI for candidates on each TAB, ' +
        'so plugins installed later complete too.',
      positionals: [{ name: 'shell', summary: 'The shell', choices: SHELLS, required: false }],
      examples: SHELLS.map((shell) => ({
        command: installCommand(shell, '$0'),
        description: `Enable completion in ${shell}`,
      })),
      handler: () => (ctx: CommandContext) => {
        const shell = (ctx.args.shell as Shell | undefined) ?? shellOf(ctx.host.env.SHELL);
        const script = scripts().completionScript(shell, ctx.host.name, ctx.host.envPrefix);
        ctx.out.text(script.trimEnd());
        return { shell, script };
      },
    });
    nodes.push({
      name: COMPLETE_COMMAND,
      summary: 'Completion candidates (used by the completion scripts)',
      hidden: true,
      handler: () => () => undefined,
    });
  }
  if (env.switches.docs !== false) {
    nodes.push({
      name: 'docs',
      summary: 'Generate a markdown reference of all commands',
      options: [
        {
          name: 'output',
          aliases: ['o'],
          type: 'string',
          summary: 'Write to this file instead of stdout',
          env: false,
          config: false,
        },
      ],
      handler: () => (ctx: CommandContext) => {
        const text = markdown().renderMarkdown(
          ctx.host.name,
          env.description,
          ctx.host.envPrefix,
          env.tree(),
        );
        const output = ctx.args.output as string | undefined;
        if (!output) {
          ctx.out.text(text.trimEnd());
          return { markdown: text };
        }
        const file = resolve(ctx.host.cwd, output);
        writeFileAtomic(file, text);
        return { file, message: `Wrote ${file}` };
      },
    });
  }
  return nodes;
}
