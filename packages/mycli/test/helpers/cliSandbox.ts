import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hashTree as hashWholeTree } from '../../../testing/src/fs/hashTree';

/** The built mycli bin (build first). */
export const MYCLI_BIN = resolve(__dirname, '../../bin/mycli.js');
/** The repository root. */
export const REPO_ROOT = resolve(__dirname, '../../../..');

/** The outcome of one CLI run. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The `--json` document mycli prints. */
export interface JsonDoc<T = unknown> {
  success: boolean;
  exitCode: number;
  data: T;
  message: string | null;
  error: { code: string; message: string; hint?: string; details?: Record<string, unknown> } | null;
}

/** A temp home for one test: MYCLI_HOME, an HOME, a fixtures folder and the CLI to run there. */
export interface Sandbox {
  root: string;
  home: string;
  pluginsDir: string;
  fixtures: string;
  /** Runs the built CLI in a child process (asynchronously, so the registry's log keeps draining). */
  run(args: readonly string[], options?: { env?: Record<string, string>; cwd?: string }): Promise<CliRun>;
  /** Runs with `--json` and parses stdout. */
  json<T = unknown>(
    args: readonly string[],
    options?: { env?: Record<string, string>; cwd?: string },
  ): Promise<JsonDoc<T> & { stderr: string; status: number | null }>;
  cleanup(): void;
}

/**
 * Makes a sandbox whose CLI runs use `npmrcPath` as the user .npmrc (the registry and its token)
 * and a private npm cache shared within `cacheDir` (one per test file keeps installs quick).
 */
export function makeSandbox(npmrcPath: string | undefined, cacheDir: string): Sandbox {
  if (!existsSync(resolve(__dirname, '../../lib/main.js')))
    throw new Error('packages/mycli/lib is missing: build first');
  const root = mkdtempSync(join(tmpdir(), 'mycli-e2e-'));
  const home = join(root, 'home');
  const fixtures = join(root, 'fixtures');
  const userHome = join(root, 'user');
  for (const d of [home, fixtures, userHome]) mkdirSync(d, { recursive: true });
  const baseEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: userHome,
    MYCLI_HOME: home,
    npm_config_cache: cacheDir,
    npm_config_fetch_retries: '0',
    npm_config_update_notifier: 'false',
    ...(npmrcPath ? { npm_config_userconfig: npmrcPath } : {}),
  };
  const run = (
    args: readonly string[],
    options: { env?: Record<string, string>; cwd?: string } = {},
  ): Promise<CliRun> =>
    new Promise((resolvePromise, reject) => {
      const child = spawn(process.execPath, [MYCLI_BIN, ...args], {
        cwd: options.cwd ?? root,
        env: { ...baseEnv, ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 90000);
      child.once('error', reject);
      child.once('close', (status) => {
        clearTimeout(timer);
        resolvePromise({ status, stdout, stderr });
      });
    });
  const json = async <T>(
    args: readonly string[],
    options: { env?: Record<string, string>; cwd?: string } = {},
  ) => {
    const r = await run([...args, '--json'], options);
    let doc: JsonDoc<T>;
    try {
      doc = JSON.parse(r.stdout) as JsonDoc<T>;
    } catch {
      throw new Error(
        `mycli ${args.join(' ')} --json printed no JSON (exit ${r.status}):\n${r.stdout}\n${r.stderr}`,
      );
    }
    return { ...doc, stderr: r.stderr, status: r.status };
  };
  return {
    root,
    home,
    pluginsDir: join(home, 'plugins'),
    fixtures,
    run,
    json,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** `hashTree` of a plugins folder, without the lease files that running plugin commands write. */
export const hashTree = (root: string): string => hashWholeTree(root, { ignore: ['.leases'] });

/** Every path under `root` (for failure messages when two hashes differ). */
export function listTree(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name === '.leases') continue;
      const r = `${rel}/${name}`;
      out.push(r);
      if (lstatSync(join(dir, name)).isDirectory() && name !== 'node_modules') walk(join(dir, name), r);
    }
  };
  walk(root, '');
  return out;
}

/** The warning lines of a run's stderr (`Warning: …`). */
export function warningLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith('Warning:'));
}

/** plugins.json of a sandbox. */
export function readRecord(pluginsDir: string): {
  plugins: Record<
    string,
    {
      name: string;
      version: string;
      spec: string;
      range?: string;
      source: string;
      location: string;
      folder?: string;
    }
  >;
} {
  return JSON.parse(readFileSync(join(pluginsDir, 'plugins.json'), 'utf8'));
}

/**
 * The first truthy value of `probe`, polled for up to 5 s: the registry's access log reaches us
 * through a pipe, possibly a moment after the client got its response.
 */
export async function eventually<T>(probe: () => T): Promise<T> {
  let value = probe();
  for (let i = 0; i < 50 && !value; i++) {
    await new Promise((r) => setTimeout(r, 100));
    value = probe();
  }
  return value;
}
