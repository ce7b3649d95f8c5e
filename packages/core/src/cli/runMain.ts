import type { Cli } from '../api/cli';
import type { WritableLike } from '../api/io';
import { versionFastPath } from './versionFastPath';

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
 * Given a {@link LazyCli}, `--version` is answered before the CLI is loaded.
 */
export async function runMain(cliOrLazy: Cli | LazyCli): Promise<number> {
  let stdoutClosed = false;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') {
      stdoutClosed = true;
      return;
    }
    process.stderr.write(`Error: cannot write to stdout: ${err.message}\n`);
    process.exitCode = 1;
  });
  // Writes after the reader went away are dropped instead of queued or thrown.
  const stdout: WritableLike = {
    write: (chunk: string) => (stdoutClosed ? false : process.stdout.write(chunk)),
  };
  const argv = process.argv.slice(2);
  if ('load' in cliOrLazy) {
    const answered = versionFastPath(cliOrLazy, argv, { stdout });
    if (answered !== undefined) {
      process.exitCode = answered;
      return answered;
    }
  }
  const cli = 'load' in cliOrLazy ? cliOrLazy.load() : cliOrLazy;
  const code = await cli.run(argv, {
    stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    ...(process.stdout.isTTY && process.stdout.columns ? { columns: process.stdout.columns } : {}),
  });
  if (!process.exitCode) process.exitCode = code;
  return code;
}
