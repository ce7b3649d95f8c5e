import { spawn, spawnSync } from 'node:child_process';
import { childProgram } from './childProgram';
import type { ChildLoaderConfig } from './childLoaderConfig';
import { sandboxFlags } from './sandboxFlags';

/** What a run of plugin code produced. */
export interface PluginCodeResult {
  ok: boolean;
  value?: unknown;
  message?: string;
  code?: string;
  /** True when the child was killed for running past `timeoutMs`. */
  timedOut?: boolean;
  stdout: string;
  stderr: string;
}

export interface PluginCodeRequest {
  mode: 'definitions' | 'hook';
  /** Absolute path of the module (or .json file). */
  file: string;
  hook?: string;
  context?: unknown;
  /** Modules the child requires first. */
  preload?: string[];
  /** Turn the module loader on in the child, so the plugin gets the host's injected packages. */
  loader?: ChildLoaderConfig;
  /** Working directory of the child (the plugin root). */
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Run under Node's permission model: no writes, no child processes (see `sandboxFlags`). */
  sandbox?: boolean;
  /** Kill the child (and everything it started) after this long. */
  timeoutMs: number;
}

/** The `node -e` program of a plugin-code child process. */
export const childScript = `(${childProgram.toString()})()`;

/** What a finished child left behind: its exit, its output, and the result written to fd 3. */
export interface ChildOutcome {
  status: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
  timedOut?: boolean;
  timeoutMs?: number;
  stdout: string;
  stderr: string;
  /** What the child wrote to file descriptor 3 (one JSON object when it got that far). */
  result: string;
}

/** Turns a finished child into a result; a child that wrote no result is a failure saying why. */
export function resultOf(child: ChildOutcome): PluginCodeResult {
  const { stdout, stderr } = child;
  if (child.timedOut) {
    return {
      ok: false,
      timedOut: true,
      message: `it did not finish within ${(child.timeoutMs ?? 0) / 1000} s and was stopped`,
      stdout,
      stderr,
    };
  }
  if (child.error) return { ok: false, message: child.error.message, stdout, stderr };
  try {
    const parsed = JSON.parse(child.result) as Omit<PluginCodeResult, 'stdout' | 'stderr'>;
    return { ...parsed, stdout, stderr };
  } catch {
    const why = child.signal ? `killed by ${child.signal}` : `exit code ${child.status}`;
    return {
      ok: false,
      message:
        `the plugin process ended without a result (${why}` +
        `)${stderr ? `: ${stderr.trim().split('\n').slice(-3).join(' ')}` : ''}`,
      stdout,
      stderr,
    };
  }
}

function argsOf(request: PluginCodeRequest): string[] {
  return [...(request.sandbox ? sandboxFlags(request.loader?.esm ?? false) : []), '-e', childScript];
}

/**
 * Runs plugin code in a child Node process and returns its result; never throws for a failure
 * of the plugin code itself (`ok: false` carries the message). A sandboxed child cannot start
 * processes, so killing it at the timeout ends everything it ran.
 */
export function runPluginCode(request: PluginCodeRequest): PluginCodeResult {
  const { cwd, env, sandbox: _sandbox, timeoutMs, ...input } = request;
  const r = spawnSync(process.execPath, argsOf(request), {
    cwd,
    env: env ?? process.env,
    input: JSON.stringify({ ...input, cwd }),
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    windowsHide: true,
  });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return resultOf({
    status: r.status,
    signal: r.signal,
    ...(r.error && !timedOut ? { error: r.error } : {}),
    timedOut,
    timeoutMs,
    stdout: r.stdout?.toString() ?? '',
    stderr: r.stderr?.toString() ?? '',
    result: (r.output?.[3] as Buffer | null | undefined)?.toString() ?? '',
  });
}

/**
 * `runPluginCode` without blocking, for code that may start processes of its own (install
 * hooks): the child leads a new process group, and the timeout kills the whole group.
 */
export function runPluginCodeAsync(request: PluginCodeRequest): Promise<PluginCodeResult> {
  const { cwd, env, sandbox: _sandbox, timeoutMs, ...input } = request;
  const detached = process.platform !== 'win32';
  const child = spawn(process.execPath, argsOf(request), {
    cwd,
    env: env ?? process.env,
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    detached,
    windowsHide: true,
  });
  const chunks: Record<'stdout' | 'stderr' | 'result', Buffer[]> = { stdout: [], stderr: [], result: [] };
  child.stdout?.on('data', (c: Buffer) => chunks.stdout.push(c));
  child.stderr?.on('data', (c: Buffer) => chunks.stderr.push(c));
  (child.stdio[3] as NodeJS.ReadableStream | null)?.on('data', (c: Buffer) => chunks.result.push(c));
  child.stdin?.on('error', () => undefined);
  child.stdin?.end(JSON.stringify({ ...input, cwd }));
  let timedOut = false;
  const killGroup = (): void => {
    try {
      if (detached && child.pid) process.kill(-child.pid, 'SIGKILL');
      else child.kill('SIGKILL');
    } catch {
      // already gone
    }
  };
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup();
  }, timeoutMs);
  return new Promise((resolve) => {
    let spawnError: Error | undefined;
    child.once('error', (err) => (spawnError = err));
    child.once('close', (status, signal) => {
      clearTimeout(timer);
      // what the code started must not outlive it
      killGroup();
      const text = (k: keyof typeof chunks): string => Buffer.concat(chunks[k]).toString();
      resolve(
        resultOf({
          status,
          signal,
          ...(spawnError ? { error: spawnError } : {}),
          timedOut,
          timeoutMs,
          stdout: text('stdout'),
          stderr: text('stderr'),
          result: text('result'),
        }),
      );
    });
  });
}
