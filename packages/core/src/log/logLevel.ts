import type { LogLevel } from '../profiles/types';

/** A logger's threshold: the least severe level written, or `off` for none. */
export type LogLevelSetting = LogLevel | 'off';

/** The levels, least to most severe. */
export const LOG_LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error'];

/** The level used when `<PREFIX>_LOG_LEVEL` is unset or invalid. */
export const DEFAULT_LOG_LEVEL: LogLevelSetting = 'warn';

/** Whether a line at `level` passes the threshold `setting`. */
export function passes(level: LogLevel, setting: LogLevelSetting): boolean {
  return setting !== 'off' && LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(setting);
}

/**
 * The level a `<PREFIX>_LOG_LEVEL` value asks for (case and surrounding blanks ignored). An empty
 * or missing value is the default; an invalid one is the default with a warning naming the variable.
 */
export function parseLogLevel(
  value: string | undefined,
  variable: string,
): { level: LogLevelSetting; warning?: string } {
  const wanted = (value ?? '').trim().toLowerCase();
  if (wanted === '') return { level: DEFAULT_LOG_LEVEL };
  if (wanted === 'off' || (LOG_LEVELS as readonly string[]).includes(wanted))
    return { level: wanted as LogLevelSetting };
  const accepted = [...LOG_LEVELS, 'off'].join(', ');
  return {
    level: DEFAULT_LOG_LEVEL,
    warning:
      `Ignoring ${variable}="${value ?? ''}` +
      `": wanted one of ${accepted}` +
      `; logging at ${DEFAULT_LOG_LEVEL}.`,
  };
}
