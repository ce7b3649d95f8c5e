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

const program = `(${childProgram.toString()})()`;

/**
 * Runs plugin code in a child Node process and returns its result; never throws for a failure
 * of the plugin code itself (`ok: false` carries the message).
 */
export function runPluginCode(request: PluginCodeRequest): PluginCodeResult {
  const { cwd, env, ...input } = request;
  const r = spawnSync(process.execPath, ['-e', program], {
    cwd,
    env: env ?? process.env,
    input: JSON.stringify(input),
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    windowsHide: true,
  });
  const stdout = r.stdout?.toString() ?? '';
  const stderr = r.stderr?.toString() ?? '';
  const raw = (r.output?.[3] as Buffer | null | undefined)?.toString() ?? '';
  if (r.error) return { ok: false, message: r.error.message, stdout, stderr };
  try {
    const parsed = JSON.parse(raw) as Omit<PluginCodeResult, 'stdout' | 'stderr'>;
    return { ...parsed, stdout, stderr };
  } catch {
    const why = r.signal ? `killed by ${r.signal}` : `exit code ${r.status}`;
    return { ok: false, message: `the plugin process ended without a result (${why})${stderr ? `: ${stderr.trim().split('\n').slice(-3).join(' ')}` : ''}`, stdout, stderr };
  }
}
