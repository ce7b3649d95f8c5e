import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

export interface StartRegistryOptions {
  /** When true, reading packages needs a token too (publishing always does). */
  requireAuth?: boolean;
  /**
   * The kind of token the user gets. `jwt` (default) is verified in microseconds, as public
   * registries do. `legacy` is verdaccio's older token, for which it checks the user's bcrypt
   * password on every request (~0.1 s of its CPU each), so requests queue behind one another:
   * a slow, request-bound registry.
   */
  tokens?: 'jwt' | 'legacy';
}

/** One HTTP request the registry served (from its access log). */
export interface RegistryRequest {
  method: string;
  url: string;
  /** The answer's status; 0 until the registry has logged its answer. */
  status: number;
  /**
   * When the registry logged the request (began to handle it) and its answer (0 until then), in
   * ms since the epoch, by the registry's own clock: right even while the caller's event loop was
   * blocked.
   */
  receivedAt: number;
  answeredAt: number;
}

/** A running throw-away registry. */
export interface TestRegistry {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string;
  port: number;
  /** Token of the registry's one user. */
  token: string;
  /** A temp `.npmrc` with `registry=` and `//127.0.0.1:<port>/:_authToken=`. */
  npmrcPath: string;
  /** Where the registry stores packages (`<name>/<name>-<version>.tgz`, `<name>/package.json`). */
  storageDir: string;
  /** Publishes a package folder (or .tgz) with a real `npm publish`. */
  publish(folder: string, options?: { tag?: string }): Promise<void>;
  /**
   * One entry per request received so far, in order (tarball downloads show as
   * `GET /<name>/-/<file>.tgz`). Read from the access log, which lags the answer slightly.
   */
  requests(): RegistryRequest[];
  /**
   * The access log once it has caught up with every request answered before the call. The log is
   * read from the registry's output, which lags its answers (and is not read at all while the
   * caller's event loop is blocked, e.g. by `spawnSync`): a marker request, sent on a fresh
   * connection, is waited for. Markers never appear in the log.
   */
  caughtUp(): Promise<RegistryRequest[]>;
  stop(): Promise<void>;
}

const USER = 'edict-tester';
const MARKER = '/-/v1/search?text=edict-log-marker-';
const PASSWORD = 'edict-tester-password';

/** One GET on a fresh connection: the registry may have closed the idle ones of a pool meanwhile. */
function sendMarker(target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    get(target, { agent: false }, (res) => res.resume().on('end', resolve)).on('error', reject);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null)
      throw new Error(`verdaccio exited with ${child.exitCode}: ${output().slice(-2000)}`);
    try {
      const r = await fetch(`${url}/-/ping`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`verdaccio did not start: ${output().slice(-2000)}`);
}

/** The environment for npm child processes: none of the caller's npm_config_* settings. */
function cleanNpmEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, ...extra };
}

/**
 * Starts verdaccio (an optional peer dependency, loaded only here) in a child process on
 * 127.0.0.1 and a random port: temp storage, no uplinks (nothing is fetched from elsewhere),
 * htpasswd auth with one user created through the registry API to get a token (a JWT unless
 * `tokens: 'legacy'`).
 */
export async function startRegistry(options: StartRegistryOptions = {}): Promise<TestRegistry> {
  const verdaccioPkg = require.resolve('verdaccio/package.json');
  const bin = join(dirname(verdaccioPkg), 'bin', 'verdaccio');
  const dir = mkdtempSync(join(tmpdir(), 'edict-registry-'));
  const storageDir = join(dir, 'storage');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const access = options.requireAuth ? '$authenticated' : '$all';
  const rule = { access, publish: '$authenticated', unpublish: '$authenticated' };
  const config = {
    storage: storageDir,
    auth: { htpasswd: { file: join(dir, 'htpasswd'), max_users: 1000 } },
    ...(options.tokens === 'legacy'
      ? {}
      : { security: { api: { legacy: false, jwt: { sign: { expiresIn: '7d' } } } } }),
    uplinks: {},
    packages: { '@*/*': rule, '**': rule },
    log: { type: 'stdout', format: 'json', level: 'http' },
    web: { enable: false },
    max_body_size: '50mb',
  };
  // JSON is YAML, which is what verdaccio reads
  writeFileSync(join(dir, 'config.yaml'), JSON.stringify(config, null, 2));
  const child = spawn(
    process.execPath,
    [bin, '--config', join(dir, 'config.yaml'), '--listen', `127.0.0.1:${port}`],
    {
      cwd: dir,
      env: cleanNpmEnv({ NODE_NO_WARNINGS: '1' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const requests: RegistryRequest[] = [];
  let pending = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      output += `${line}\n`;
      try {
        // One "requested" line per request, then one or more answer lines (the last is right).
        const entry = JSON.parse(line) as {
          time?: number;
          req?: { method: string; url: string };
          request?: { method: string; url: string };
          status?: number;
          msg?: string;
        };
        if (entry.req && entry.msg?.includes(' requested '))
          requests.push({
            method: entry.req.method,
            url: entry.req.url,
            status: 0,
            receivedAt: entry.time ?? Date.now(),
            answeredAt: 0,
          });
        else if (entry.request && entry.status) {
          const { method, url } = entry.request;
          for (let i = requests.length - 1; i >= 0; i--) {
            const asked = requests[i]!;
            if (asked.method === method && asked.url === url) {
              asked.status = entry.status;
              asked.answeredAt = entry.time ?? Date.now();
              break;
            }
          }
        }
      } catch {
        // not a log line
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(url, child, () => output);
    const r = await fetch(`${url}/-/user/org.couchdb.user:${USER}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: USER,
        password: PASSWORD,
        type: 'user',
        roles: [],
        date: new Date().toISOString(),
      }),
    });
    const body = (await r.json()) as { token?: string };
    if (!r.ok || !body.token)
      throw new Error(`could not create the registry user (${r.status}): ${JSON.stringify(body)}`);
    const token = body.token;
    const npmrcPath = join(dir, '.npmrc');
    writeFileSync(npmrcPath, `registry=${url}/\n//127.0.0.1:${port}/:_authToken=${token}\n`);
    const npmCache = join(dir, 'npm-cache');
    const publish = async (folder: string, publishOptions: { tag?: string } = {}): Promise<void> => {
      const args = [
        'publish',
        folder,
        '--userconfig',
        npmrcPath,
        '--registry',
        `${url}/`,
        '--ignore-scripts',
        ...(publishOptions.tag ? ['--tag', publishOptions.tag] : []),
      ];
      await promisify(execFile)(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, {
        cwd: dir,
        env: cleanNpmEnv({
          npm_config_cache: npmCache,
          npm_config_update_notifier: 'false',
          npm_config_audit: 'false',
        }),
        shell: process.platform === 'win32',
      });
    };
    const logged = () => requests.filter((r) => !r.url.startsWith(MARKER));
    const caughtUp = async (): Promise<RegistryRequest[]> => {
      const marker = `${MARKER}${Date.now()}-${Math.random().toString(36).slice(2)}`;
      await sendMarker(`${url}${marker}`);
      for (let i = 0; i < 100; i++) {
        if (requests.some((r) => r.url === marker && r.status > 0)) return logged();
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(
        `The registry's access log did not show a request within 5 s; its output:\n${output.slice(-2000)}`,
      );
    };
    return { url, port, token, npmrcPath, storageDir, publish, requests: logged, caughtUp, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
