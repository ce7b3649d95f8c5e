import { format } from 'node:util';
import type { WritableLike } from '../api/io';
import type { Logger, LogLevel } from '../profiles/types';
import type { Censor } from './censor';
import { logFile } from './logFile';
import { LOG_LEVELS, passes, type LogLevelSetting } from './logLevel';

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** The logs folder (`<host data home>/logs`), created on the first line written. */
  dir: string;
  /** The CLI's name: lines go to `<dir>/<name>.log`. */
  name: string;
  /** Lines below this level are dropped (`off`: no line reaches the file). */
  level: LogLevelSetting;
  /**
   * Shown as `[tag]` on every line: the host's name, or the package name of the plugin that owns the command.
   */
  tag: string;
  /** Masks secrets in every line, message and arguments alike. */
  censor: Censor;
  /** When given (`--debug`), every line at `debug` and above is also written here, whatever `level` says. */
  stderr?: WritableLike;
  /** Rotation size of the file (default 5 MiB). */
  maxBytes?: number;
  /** Rotated files kept (default 3). */
  keep?: number;
  /** Told once when the file cannot be written (the command goes on, unlogged). */
  onError?: (message: string) => void;
}

/**
 * A logger of one tag. Arguments are formatted as `util.format` does: `%s`, `%d`, `%j`, `%o`
 * placeholders, and any further arguments appended, inspected. Lines read
 * `<ISO time> <LEVEL> [<tag>] <message>`. Nothing touches the file system until a line passes
 * the level, so a run that logs nothing creates no folder and opens no file.
 */
export function createLogger(options: LoggerOptions): Logger {
  const file = logFile({
    dir: options.dir,
    file: `${options.name}.log`,
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    ...(options.keep !== undefined ? { keep: options.keep } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });
  const write = (level: LogLevel, message: string, args: unknown[]): void => {
    const toFile = passes(level, options.level);
    const toStderr = options.stderr !== undefined && passes(level, 'debug');
    if (!toFile && !toStderr) return;
    const text = options.censor.apply(format(message, ...args));
    const line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} [${options.tag}] ${text}\n`;
    if (toFile) file.append(line);
    if (toStderr) options.stderr?.write(line);
  };
  const logger = {} as Record<LogLevel, (message: string, ...args: unknown[]) => void>;
  for (const level of LOG_LEVELS) logger[level] = (message, ...args) => write(level, message, args);
  return logger;
}
