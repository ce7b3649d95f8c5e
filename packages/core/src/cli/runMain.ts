import type { Cli } from '../api/cli';
import type { WritableLike } from '../api/io';

/**
 * The one function that touches `process`, for a CLI's bin file: runs `cli` on
 * `process.argv.slice(2)` with the process's streams, env and TTY facts, and sets
 * `process.exitCode`. A closed stdout (EPIPE, e.g. piped into `head`) ends output quietly.
 */
export async function runMain(cli: Cli): Promise<number> {
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
  const code = await cli.run(process.argv.slice(2), {
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
