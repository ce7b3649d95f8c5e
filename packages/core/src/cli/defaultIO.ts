import type { CliIO } from '../api/io';
import { isTerminal } from './processOutput';

/**
 * Fills in the parts of {@link CliIO} a caller left out, from the current process. Reading
 * `process` here (and only here, besides `runMain`) keeps the rest of the engine pure.
 */
export function completeIO(io: Partial<CliIO> = {}): CliIO {
  // The process's streams are looked at only where the caller gave none: creating one costs time.
  const columns = io.columns ?? (!io.stdout && process.stdout.isTTY ? process.stdout.columns : undefined);
  const stderrColumns =
    io.stderrColumns ?? (!io.stderr && process.stderr.isTTY ? process.stderr.columns : undefined);
  const full: CliIO = {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    env: io.env ?? process.env,
    cwd: io.cwd ?? process.cwd(),
    stdoutIsTTY: io.stdoutIsTTY ?? (io.stdout ? false : Boolean(process.stdout.isTTY)),
    stderrIsTTY: io.stderrIsTTY ?? (io.stderr ? false : Boolean(process.stderr.isTTY)),
    ...(columns === undefined ? {} : { columns }),
    ...(stderrColumns === undefined ? {} : { stderrColumns }),
  };
  return withStdin(full, io);
}

/**
 * Adds `stdin` and `stdinIsTTY`: the caller's, else the process's. Both are looked at only when
 * something reads them (a prompt, or the check for one): `process.stdin`, and telling whether fd
 * 0 is a terminal, would cost startup time on every run.
 */
export function withStdin(full: CliIO, io: Partial<CliIO>): CliIO {
  let known = 'stdin' in io || io.stdout ? false : undefined;
  const ownTTY = Object.getOwnPropertyDescriptor(io, 'stdinIsTTY');
  Object.defineProperty(
    full,
    'stdinIsTTY',
    ownTTY ?? {
      get: () => (known ??= isTerminal(0)),
      set: (value: boolean) => void (known = value),
      enumerable: true,
      configurable: true,
    },
  );
  const given = Object.getOwnPropertyDescriptor(io, 'stdin');
  const lazy = { get: () => process.stdin, enumerable: true, configurable: true };
  return Object.defineProperty(full, 'stdin', given ?? lazy);
}
