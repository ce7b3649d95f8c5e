import { spawn, type ChildProcess } from 'node:child_process';
import { utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The built lock module (run `npm run build` first), so the children run what the CLI runs. */
const LIB = resolve(__dirname, '../../lib/store/lock.js');

/**
 * A child that loads the lock module and says `ready`. On each `go` line (and at once when
 * started with `now`) it calls acquireLock once and prints `won` or the error's code; a winner
 * holds the lock until it reads `release` (or is killed), then releases it and prints `released`.
 */
const SCRIPT = `
const { acquireLock } = require(${JSON.stringify(LIB)});
const [dir, operation, start] = process.argv.slice(2);
let release;
function attempt() {
  try {
    release = acquireLock(dir, operation, 'mycli');
    console.log('won');
  } catch (err) {
    console.log(err.code || 'THREW ' + err.message);
  }
}
require('readline').createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'go') attempt();
  if (line === 'release') {
    release();
    console.log('released');
  }
});
console.log('ready');
if (start === 'now') attempt();
`;

/** Writes the child script into `dir` and returns its path. */
export function writeLockChild(dir: string): string {
  const file = join(dir, 'lock-child.js');
  writeFileSync(file, SCRIPT);
  return file;
}

/** A running lock child. */
export interface LockChild {
  proc: ChildProcess;
  /** Resolves with the next line the child prints that was not asked for yet. */
  next(): Promise<string>;
  send(line: 'go' | 'release'): void;
  /** SIGKILLs the child and waits until it is gone. */
  kill(): Promise<void>;
}

/** Starts a lock child for `pluginsDir` and waits until it is loaded; `now` makes it try at once. */
export async function startLockChild(
  script: string,
  pluginsDir: string,
  operation: string,
  now = false,
): Promise<LockChild> {
  const proc = spawn(process.execPath, [script, pluginsDir, operation, now ? 'now' : 'wait'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  let read = 0;
  let wake: () => void = () => undefined;
  let buffer = '';
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (buffer + chunk).split('\n');
    buffer = parts.pop()!;
    lines.push(...parts);
    wake();
  });
  // 'close' comes after the child's output has been read, unlike 'exit'.
  const closed = new Promise<void>((done) => proc.once('close', () => done()));
  const next = async (): Promise<string> => {
    while (lines.length <= read) {
      const exited = await Promise.race([
        new Promise<boolean>((done) => (wake = () => done(false))),
        closed.then(() => true),
      ]);
      if (exited && lines.length <= read)
        throw new Error(
          `lock child exited (${proc.exitCode ?? proc.signalCode}) after printing ${JSON.stringify(lines)}`,
        );
    }
    return lines[read++]!;
  };
  const child: LockChild = {
    proc,
    next,
    send: (line) => proc.stdin!.write(`${line}\n`),
    kill: async () => {
      proc.kill('SIGKILL');
      await closed;
    },
  };
  const first = await next();
  if (first !== 'ready') throw new Error(`lock child printed ${first}`);
  return child;
}

/** Lets `children` try at the same moment and returns what each printed. */
export async function race(children: LockChild[]): Promise<string[]> {
  for (const child of children) child.send('go');
  return Promise.all(children.map((child) => child.next()));
}

/** Sets a file's modification time `seconds` into the past. */
export function backdate(path: string, seconds: number): void {
  const then = new Date(Date.now() - seconds * 1000);
  utimesSync(path, then, then);
}

/** What `fn` throws (it must throw). */
export const thrown = (fn: () => unknown): { code?: string; message: string; hint?: string } => {
  try {
    fn();
  } catch (err) {
    return err as { code?: string; message: string; hint?: string };
  }
  throw new Error('did not throw');
};

/** The pid of a process that has exited. */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((done) => child.once('exit', done));
  return child.pid!;
}

/** A live process that is not a lock child, for hand-written locks naming it. */
export function sleeper(): { pid: number; stop(): Promise<void> } {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = (): Promise<void> => {
    child.kill();
    return exited;
  };
  return { pid: child.pid!, stop };
}
