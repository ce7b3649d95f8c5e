import { spawnSync } from 'node:child_process';

/** Top-level names every Edict CLI has (the framework's and the plugin manager's commands). */
export const FRAMEWORK_COMMANDS = ['help', 'version', 'config', 'completion', 'docs', 'plugins', 'plugin'];

/**
 * The names and aliases in the `Commands:` section of an Edict CLI's `--help` text (a group is
 * listed as `name …`, aliases as `[aliases: a, b]`).
 */
export function commandsInHelp(help: string): string[] {
  const section = /^Commands:\n((?: {2}.*\n?)+)/m.exec(help)?.[1] ?? '';
  const names = [...section.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1]!);
  const aliases = [...section.replace(/\s+/g, ' ').matchAll(/\[aliases: ([^\]]+)\]/g)].flatMap((m) =>
    m[1]!.split(',').map((a) => a.trim()),
  );
  return [...new Set([...names, ...aliases])];
}

/**
 * The top-level command names and aliases the host CLI `host` already has (its own and its
 * installed plugins'), read from its `--help` when it runs from PATH; the framework's names when it
 * does not, so a scaffolded plugin never claims a name the host owns.
 */
export function readHostCommands(host: string, env: Record<string, string | undefined>): string[] {
  const r = spawnSync(host, ['--help'], {
    env: { ...env, NO_COLOR: '1' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 15_000,
    shell: process.platform === 'win32',
  });
  const found = r.status === 0 && typeof r.stdout === 'string' ? commandsInHelp(r.stdout) : [];
  return [...new Set([...FRAMEWORK_COMMANDS, ...found])];
}

/**
 * `command`, or when the host has it, the first of `<command>-plugin`, `<command>-plugin-2`, …
 * it lacks.
 */
export function freeCommandName(command: string, taken: readonly string[]): string {
  if (!taken.includes(command)) return command;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${command}-plugin` : `${command}-plugin-${n}`;
    if (!taken.includes(candidate)) return candidate;
  }
}
