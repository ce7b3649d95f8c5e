import type { Cli } from '../api/cli';
import { withStdin } from './defaultIO';
import { processOutput } from './processOutput';
import { versionFastPath } from './versionFastPath';

// The cleanup registry lives here, in a module every run loads anyway: registering costs nothing.
const cleanups = new Set<(signal?: 'SIGINT' | 'SIGTERM') => void>();

/**
 * Registers `fn` to run if the process is interrupted (SIGINT, SIGTERM) under {@link runMain}
 * while the work it undoes is in progress: restoring the terminal, releasing a lock. `fn` must be
 * synchronous; it is given the signal. Returns the function that unregisters it (call it once
 * the work is done). Library code registers here instead of listening to `process` itself.
 */
export function registerCleanup(fn: (signal?: 'SIGINT' | 'SIGTERM') => void): () => void {
  const entry = (signal?: 'SIGINT' | 'SIGTERM'): void => fn(signal);
  cleanups.add(entry);
  return () => void cleanups.delete(entry);
}

/** Runs the registered cleanups, newest first, each once; one that throws does not stop the rest. */
export function runCleanups(signal?: 'SIGINT' | 'SIGTERM'): void {
  for (const fn of [...cleanups].reverse()) {
    cleanups.delete(fn);
    try {
      fn(signal);
    } catch {
      // best effort: the process is being stopped
    }
  }
}

/** Exit codes of a process stopped by a signal, the shell's 128 + signal number. */
const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * A CLI named by its name and version, whose definition `load` returns only when a run needs it:
 * `--version` is then answered without loading the CLI's modules at all.
 */
export interface LazyCli {
  name: string;
  version: string;
  load(): Cli;
}

/**
 * The one function that touches `process`, for a CLI's bin file: runs `cli` on
 * `process.argv.slice(2)` with the process's streams, env and TTY facts, and sets
 * `process.exitCode`. A closed stdout (EPIPE, e.g. piped into `head`) ends output quietly.
 * Output to a pipe or a file is written synchronously (see {@link processOutput}).
 * Given a {@link LazyCli}, `--version` is answered before the CLI is loaded. On SIGINT or
 * SIGTERM the registered cleanups run (see {@link registerCleanup}) and the process exits with
 * 130 or 143, unless the command listens to that signal itself.
 */
export async function runMain(cliOrLazy: Cli | LazyCli): Promise<number> {
  // Library errors never reach here: a failed write to stdout (other than a closed pipe) is the
  // one thing only the process can report.
  const errOut = processOutput(2, () => undefined);
  const out = processOutput(1, (err) => {
    errOut.output.write(`Error: cannot write to stdout: ${err.message}\n`);
    process.exitCode = 1;
  });
  const argv = process.argv.slice(2);
  if ('load' in cliOrLazy) {
    const answered = versionFastPath(cliOrLazy, argv, { stdout: out.output });
    if (answered !== undefined) {
      process.exitCode = answered;
      return answered;
    }
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      runCleanups(signal);
      // A command that listens to the signal itself decides when to exit.
      if (process.listenerCount(signal) === 1) process.exit(SIGNAL_EXIT[signal]);
    });
  }
  const cli = 'load' in cliOrLazy ? cliOrLazy.load() : cliOrLazy;
  const io = {
    stdout: out.output,
    stderr: errOut.output,
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: out.isTTY,
    stderrIsTTY: errOut.isTTY,
    ...(out.columns ? { columns: out.columns } : {}),
    ...(errOut.columns ? { stderrColumns: errOut.columns } : {}),
  };
  const code = await cli.run(argv, withStdin(io, {}));
  if (!process.exitCode) process.exitCode = code;
  return code;
}
