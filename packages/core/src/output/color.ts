import type { Chalk } from 'chalk';

/**
 * Whether colour is on: `--no-color` turns it off; then FORCE_COLOR (not `0`/`false`) turns it on;
 * then NO_COLOR (any non-empty value) turns it off; otherwise it follows whether the stream is a TTY.
 */
export function colorAllowed(
  env: Record<string, string | undefined>,
  isTTY: boolean,
  noColorFlag: boolean,
): boolean {
  if (noColorFlag) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force !== 'false') return true;
  if (env.NO_COLOR) return false;
  return isTTY && env.TERM !== 'dumb';
}

/** A chalk instance with colour on or off; chalk is required only here, on first use. */
export function loadChalk(enabled: boolean, env: Record<string, string | undefined>): Chalk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const chalk = require('chalk') as typeof import('chalk');
  const forced = Number(env.FORCE_COLOR);
  const level = !enabled
    ? 0
    : forced >= 1 && forced <= 3
      ? forced
      : Math.max(1, chalk.supportsColor ? chalk.supportsColor.level : 1);
  return new chalk.Instance({ level: level as 0 | 1 | 2 | 3 });
}
