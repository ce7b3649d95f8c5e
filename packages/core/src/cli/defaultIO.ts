import { isatty } from 'node:tty';
import type { CliIO } from '../api/io';

/**
 * Fills in the parts of {@link CliIO} a caller left out, from the current process. Reading
 * `process` here (and only here, besides `runMain`) keeps the rest of the engine pure.
 */
export function completeIO(io: Partial<CliIO> = {}): CliIO {
  const columns = io.columns ?? (process.stdout.isTTY ? process.stdout.columns : undefined);
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
 * Adds `stdin` and `stdinIsTTY`: the caller's, else the process's. `process.stdin` is read
 * only when a prompt reads it: creating it on every run would cost startup time.
 */
export function withStdin(full: CliIO, io: Partial<CliIO>): CliIO {
  full.stdinIsTTY = io.stdinIsTTY ?? ('stdin' in io || io.stdout ? false : isatty(0));
  const given = Object.getOwnPropertyDescriptor(io, 'stdin');
  const lazy = { get: () => process.stdin, enumerable: true, configurable: true };
  return Object.defineProperty(full, 'stdin', given ?? lazy);
}
