import { fstatSync, writeSync } from 'node:fs';
import type { WritableLike } from '../api/io';

/**
 * Whether file descriptor `fd` is a terminal. A terminal is always a character device, so a pipe
 * or a file (the usual non-terminal) is told by one `fstat`, without loading node:tty (and with
 * it node:net and the stream modules) the way `tty.isatty` would.
 */
export function isTerminal(fd: number): boolean {
  try {
    // BigInt stats: a plain stat of a pipe stays in the array Node's realpathSync reads file types
    // from, and makes the module loader stop resolving symlinks (pnpm's node_modules) early.
    if (!fstatSync(fd, { bigint: true }).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only for a character device
  return (require('node:tty') as typeof import('node:tty')).isatty(fd);
}

/** What {@link processOutput} reports about a write that failed for good. */
export type OutputFailure = (err: NodeJS.ErrnoException) => void;

/** One of the process's output streams, as a run sees it. */
export interface ProcessOutput {
  output: WritableLike;
  isTTY: boolean;
  /** The terminal's width, when it is a terminal that tells. */
  columns: number | undefined;
}

/**
 * A writer for the process's stdout (fd 1) or stderr (fd 2) that does not create Node's stream
 * object while it is not needed: on a pipe or a file each chunk is written with `writeSync`,
 * whole and in order, before the call returns. It switches to `process.stdout`/`process.stderr`
 * for good when the descriptor is a terminal, when a write would block (a non-blocking pipe that
 * is full), or once anything else in the process has touched that stream (so output written both
 * ways keeps its order). After EPIPE (the reader went away, e.g. `| head`) writes are dropped.
 * Other errors go to `onFailure`, once.
 */
export function processOutput(fd: 1 | 2, onFailure: OutputFailure): ProcessOutput {
  const name = fd === 1 ? 'stdout' : 'stderr';
  let stream: NodeJS.WriteStream | undefined;
  let closed = false;
  const fail = (err: NodeJS.ErrnoException): void => {
    if (closed) return;
    closed = true;
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') onFailure(err);
  };
  const adopt = (touched: NodeJS.WriteStream): NodeJS.WriteStream => {
    if (stream === undefined) {
      stream = touched;
      stream.on('error', fail);
    }
    return stream;
  };
  const useStream = (): NodeJS.WriteStream => stream ?? adopt(process[name]);
  // Windows consoles and pipes have their own rules: there Node's stream is always used.
  const direct = process.platform !== 'win32' && !isTerminal(fd);
  if (direct) watchStream(name, adopt);
  else useStream();
  const isTTY = !direct && Boolean(stream?.isTTY);
  const output: WritableLike = {
    write(chunk: string): boolean {
      if (closed) return false;
      if (stream !== undefined) return stream.write(chunk);
      const rest = writeAll(fd, Buffer.from(chunk), fail);
      if (rest !== undefined) return useStream().write(rest);
      return !closed;
    },
  };
  return { output, isTTY, columns: isTTY ? stream?.columns || undefined : undefined };
}

/**
 * Writes `data` to `fd` synchronously; returns what is left when the descriptor would block
 * (EAGAIN), `undefined` when all was written or the write failed (reported to `fail`).
 */
function writeAll(fd: number, data: Buffer, fail: (err: NodeJS.ErrnoException) => void): Buffer | undefined {
  let offset = 0;
  while (offset < data.length) {
    try {
      offset += writeSync(fd, data, offset);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'EAGAIN') return data.subarray(offset);
      fail(e);
      return undefined;
    }
  }
  return undefined;
}

/**
 * Calls `onTouch` the first time anything reads `process[name]`: from then on the writer goes
 * through the stream too, so that what a handler writes with `console.log` and what the CLI
 * writes come out in the order they were written.
 */
function watchStream(name: 'stdout' | 'stderr', onTouch: (stream: NodeJS.WriteStream) => unknown): void {
  const original = Object.getOwnPropertyDescriptor(process, name);
  if (original?.get === undefined || original.configurable !== true) {
    onTouch(process[name]);
    return;
  }
  const get = original.get;
  Object.defineProperty(process, name, {
    ...original,
    get(this: NodeJS.Process) {
      Object.defineProperty(process, name, original);
      const stream = get.call(this) as NodeJS.WriteStream;
      onTouch(stream);
      return stream;
    },
  });
}
