import { spawnSync } from 'node:child_process';
import { childProgram } from './childProgram';
import type { ChildLoaderConfig } from './childLoaderConfig';

/** What a run of plugin code produced. */
export interface PluginCodeResult {
  ok: boolean;
  value?: unknown;
  message?: string;
  code?: string;
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
}

/** The `node -e` program of a plugin-code child process. */
export const childScript = `(${childProgram.toString()})()`;

/** What a finished child left behind: its exit, its output, and the result written to fd 3. */
export interface ChildOutcome {
  status: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
  stdout: string;
  stderr: string;
  /** What the child wrote to file descriptor 3 (one JSON object when it got that far). */
  result: string;
}

/** Turns a finished child into a result; a child that wrote no result is a failure saying why. */
export function resultOf(child: ChildOutcome): PluginCodeResult {
  const { stdout, stderr } = child;
  if (child.error) return { ok: false, message: child.error.message, stdout, stderr };
  try {
    const parsed = JSON.parse(child.result) as Omit<PluginCodeResult, 'stdout' | 'stderr'>;
    return { ...parsed, stdout, stderr };
  } catch {
    const why = child.signal ? `killed by ${child.signal}` : `exit code ${child.status}`;
    return { ok: false, message: `the plugin process ended without a result (${why})${stderr ? `: ${stderr.trim().split('\n').slice(-3).join(' ')}` : ''}`, stdout, stderr };
  }
}

/**
 * Runs plugin code in a child Node process and returns its result; never throws for a failure
 * of the plugin code itself (`ok: false` carries the message). See `startPluginProcess` for a
 * child started ahead of time.
 */
export function runPluginCode(request: PluginCodeRequest): PluginCodeResult {
  const { cwd, env, ...input } = request;
  const r = spawnSync(process.execPath, ['-e', childScript], {
    cwd,
    env: env ?? process.env,
    input: JSON.stringify({ ...input, cwd }),
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    windowsHide: true,
  });
  return resultOf({
    status: r.status,
    signal: r.signal,
    ...(r.error ? { error: r.error } : {}),
    stdout: r.stdout?.toString() ?? '',
    stderr: r.stderr?.toString() ?? '',
    result: (r.output?.[3] as Buffer | null | undefined)?.toString() ?? '',
  });
}
