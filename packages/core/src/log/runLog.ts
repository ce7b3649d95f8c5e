import { join } from 'node:path';
import type { HostInfo } from '../api/host';
import type { WritableLike } from '../api/io';
import type { Logger } from '../profiles/types';
import { createCensor, type Censor } from './censor';
import { LOG_LEVELS, parseLogLevel, passes } from './logLevel';

/** The logging of one run: one censor shared by its loggers, one logger per tag. */
export interface RunLog {
  /** Register every secure value the run loads here: no log line shows it. */
  readonly censor: Censor;
  /** The logger tagged `tag`, made on first request (no file system work until a line is written). */
  logger(tag: string): Logger;
}

/** Options of {@link runLog}. */
export interface RunLogOptions {
  /** `--debug` (or `<PREFIX>_DEBUG=1`): lines at `debug` and above are copied to `stderr`. */
  debug: boolean;
  stderr: WritableLike;
  /** Shows a warning to the user (an invalid `<PREFIX>_LOG_LEVEL`, an unwritable log file). */
  warn: (message: string) => void;
}

/**
 * The run's logging: level from `<PREFIX>_LOG_LEVEL` (trace, debug, info, warn, error, off;
 * default warn), file `<host.home>/logs/<name>.log`. An invalid level warns once, on first use.
 */
export function runLog(host: HostInfo, options: RunLogOptions): RunLog {
  const censor = createCensor();
  const loggers = new Map<string, Logger>();
  let level: ReturnType<typeof parseLogLevel>['level'] | undefined;
  let failed = false;
  const onError = (message: string): void => {
    if (!failed) options.warn(message);
    failed = true;
  };
  return {
    censor,
    logger(tag) {
      if (level === undefined) {
        const variable = `${host.envPrefix}_LOG_LEVEL`;
        const parsed = parseLogLevel(host.env[variable], variable);
        if (parsed.warning !== undefined) options.warn(parsed.warning);
        level = parsed.level;
      }
      let logger = loggers.get(tag);
      if (!logger) {
        const make = (): Logger =>
          // eslint-disable-next-line @typescript-eslint/no-require-imports -- only a line written needs it
          (require('./createLogger') as typeof import('./createLogger')).createLogger({
            dir: join(host.home, 'logs'),
            name: host.name,
            level: level ?? 'warn',
            tag,
            censor,
            ...(options.debug ? { stderr: options.stderr } : {}),
            onError,
          });
        logger = deferred(make, (l) => passes(l, level ?? 'warn') || (options.debug && passes(l, 'debug')));
        loggers.set(tag, logger);
      }
      return logger;
    },
  };
}

/**
 * A logger made on the first line that would be written anywhere, so a run that logs nothing
 * below its level (most runs: debug lines at the default level) loads no logger module.
 */
function deferred(make: () => Logger, wanted: (level: (typeof LOG_LEVELS)[number]) => boolean): Logger {
  let real: Logger | undefined;
  const method =
    (level: (typeof LOG_LEVELS)[number]) =>
    (message: string, ...args: unknown[]): void => {
      if (wanted(level)) (real ??= make())[level](message, ...args);
    };
  return {
    trace: method('trace'),
    debug: method('debug'),
    info: method('info'),
    warn: method('warn'),
    error: method('error'),
  };
}
