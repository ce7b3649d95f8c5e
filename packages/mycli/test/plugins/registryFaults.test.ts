import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import {
  createServer as createHttpServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createNetServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRegistry, type TestRegistry } from '../../../testing/src';
import { installPlugins } from '../../../plugins/src/manage/installPlugins';
import { loadNpmConfig } from '../../../plugins/src/npm/config';
import type { ProgressEvent } from '../../../plugins/src/types';
import { HOST } from '../../../plugins/test/helpers/fixtures';
import { makeSandbox, type CliRun, type Sandbox } from '../helpers/cliSandbox';
import { writeLibrary, writePlugin } from '../helpers/fixturePlugin';

// Registry faults: each install ends in bounded time with one clear error line. Fault servers
// listen on 127.0.0.1 (random ports); a proxy in front of verdaccio injects per-path faults.
let registry: TestRegistry;
let work: string;
let proxy: Server;
let proxyUrl: string;
let proxyNpmrc: string;
const sockets = new Set<Socket>();
const servers: Server[] = [];
const sandboxes: Sandbox[] = [];
/** GETs of each path the proxy saw. */
const proxied = new Map<string, number>();

function sandbox(npmrc?: string): Sandbox {
  const s = makeSandbox(npmrc, join(work, `npm-cache-${sandboxes.length}`));
  sandboxes.push(s);
  return s;
}

/** An .npmrc naming `url` as the registry. */
function npmrcFor(url: string): string {
  const file = join(work, `npmrc-${new URL(url).port}`);
  writeFileSync(file, `registry=${url}/\n`);
  return file;
}

function listen(server: Server | ReturnType<typeof createNetServer>): Promise<number> {
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
}

/** A port nothing listens on. */
async function refusedPort(): Promise<number> {
  const server = createNetServer();
  const port = await listen(server);
  await new Promise((r) => server.close(r));
  return port;
}

/** Serves `res` 1 byte a second of what verdaccio answers (headers first). */
function drip(upstream: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  upstream.on('data', (c: Buffer) => chunks.push(c));
  upstream.on('end', () => {
    const body = Buffer.concat(chunks);
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(body.length) });
    let i = 0;
    const timer = setInterval(() => {
      if (res.destroyed || i >= body.length) return clearInterval(timer);
      res.write(body.subarray(i, ++i));
    }, 1000);
    res.once('close', () => clearInterval(timer));
  });
}

function forward(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? '/';
  proxied.set(path, (proxied.get(path) ?? 0) + 1);
  if (path === '/fault-dep') {
    res.writeHead(500, { 'content-type': 'text/plain' }).end('injected fault');
    return;
  }
  const upstream = httpRequest(
    `${registry.url}${path}`,
    { method: req.method, headers: req.headers },
    (up) => {
      if (path.startsWith('/mycli-plugin-drip/-/')) return drip(up, res);
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
}

/** Runs `mycli plugins install <spec>` and measures it. */
async function timedInstall(
  s: Sandbox,
  spec: string,
  env: Record<string, string>,
): Promise<CliRun & { seconds: number }> {
  const start = Date.now();
  const r = await s.run(['plugins', 'install', spec], { env });
  return { ...r, seconds: (Date.now() - start) / 1000 };
}

/** The run failed with exit 1 and printed one error line (and its hint), nothing unexpected. */
function expectOneClearError(r: CliRun, pattern: RegExp): void {
  const lines = r.stderr.split('\n').filter(Boolean);
  expect({ status: r.status, errors: lines.filter((l) => l.startsWith('Error:')).length }).toEqual({
    status: 1,
    errors: 1,
  });
  expect(r.stderr).not.toMatch(/Unexpected error/i);
  expect(lines[0]).toMatch(pattern);
  expect(lines.every((l) => /^(Error|Hint):/.test(l))).toBe(true);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'mycli-e2e-faults-'));
  registry = await startRegistry();
  const published = join(work, 'published');
  await registry.publish(writeLibrary(published, 'fault-dep', '1.0.0'));
  await registry.publish(
    writePlugin(published, {
      name: 'mycli-plugin-faulty',
      version: '1.0.0',
      dependencies: { 'fault-dep': '1.0.0' },
    }),
  );
  await registry.publish(writePlugin(published, { name: 'mycli-plugin-drip', version: '1.0.0' }));
  proxy = createHttpServer(forward);
  proxyUrl = `http://127.0.0.1:${await listen(proxy)}`;
  proxyNpmrc = npmrcFor(proxyUrl);
});

afterAll(async () => {
  for (const s of sandboxes) s.cleanup();
  for (const socket of sockets) socket.destroy();
  for (const server of [proxy, ...servers]) server?.close();
  await registry?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm fetch defaults', () => {
  const load = (env: Record<string, string>) =>
    loadNpmConfig({ cwd: work, env: { HOME: work, PATH: process.env.PATH ?? '', ...env } });

  test('apply when no npm config sets the keys: 2 retries, 1 s and 4 s apart, 30 s timeout', async () => {
    const flat = await load({});
    expect(flat.timeout).toBe(30000);
    expect(flat.retry).toMatchObject({ retries: 2, minTimeout: 1000, maxTimeout: 4000 });
  });

  test('npm config wins: environment variables and .npmrc files', async () => {
    const npmrc = join(work, 'user-npmrc');
    writeFileSync(npmrc, 'fetch-retries=5\nfetch-retry-maxtimeout=9000\n');
    const flat = await load({ npm_config_fetch_timeout: '1234', npm_config_userconfig: npmrc });
    expect(flat.timeout).toBe(1234);
    expect(flat.retry).toMatchObject({ retries: 5, minTimeout: 1000, maxTimeout: 9000 });
  });

  test('a retry wait bound the user sets keeps the other default on its side', async () => {
    expect((await load({ npm_config_fetch_retry_mintimeout: '10000' })).retry).toMatchObject({
      minTimeout: 10000,
      maxTimeout: 10000,
    });
    expect((await load({ npm_config_fetch_retry_maxtimeout: '500' })).retry).toMatchObject({
      minTimeout: 500,
      maxTimeout: 500,
    });
  });
});

describe('registry faults end in bounded time with one clear error', () => {
  test('a registry that accepts and never answers: fails after fetch-timeout and its retries', async () => {
    const silent = createNetServer((socket) => socket.resume());
    servers.push(silent as unknown as Server);
    const url = `http://127.0.0.1:${await listen(silent)}`;
    // 2 attempts of 3 s, 1 s apart: ~7 s (with the defaults: 3 attempts of 30 s, 1 s and 4 s apart)
    const r = await timedInstall(sandbox(npmrcFor(url)), 'mycli-plugin-x', {
      npm_config_fetch_timeout: '3000',
      npm_config_fetch_retries: '1',
    });
    expectOneClearError(
      r,
      new RegExp(`^Error: The registry at 127\\.0\\.0\\.1:${new URL(url).port} did not answer within 3 s`),
    );
    expect(r.stderr).toMatch(/^Hint: .*fetch-timeout.*fetch-retries/m);
    expect(r.seconds).toBeLessThan(30);
  });

  test('nothing listening: the refused connection fails within 15 s with the default retries', async () => {
    const url = `http://127.0.0.1:${await refusedPort()}`;
    const r = await timedInstall(sandbox(npmrcFor(url)), 'mycli-plugin-x', { npm_config_fetch_retries: '2' });
    expectOneClearError(
      r,
      new RegExp(
        `^Error: The registry at ${url.replace(/\./g, '\\.')} refused the connection \\(ECONNREFUSED`,
      ),
    );
    expect(r.stderr).toMatch(/^Hint: .*npm config get registry/m);
    expect(r.seconds).toBeLessThan(15);
  });

  test('HTTP 500 for every request: fails within 15 s; progress reports each retry', async () => {
    const failing = createHttpServer((_req, res) => res.writeHead(500).end('down'));
    servers.push(failing);
    const url = `http://127.0.0.1:${await listen(failing)}`;
    const r = await timedInstall(sandbox(npmrcFor(url)), 'mycli-plugin-x', { npm_config_fetch_retries: '2' });
    expectOneClearError(r, /^Error: Could not fetch mycli-plugin-x: 500 Internal Server Error/);
    expect(r.seconds).toBeLessThan(15);

    const events: ProgressEvent[] = [];
    const dir = mkdtempSync(join(work, 'lib-'));
    const npmOptions = await loadNpmConfig({
      cwd: dir,
      env: {
        HOME: dir,
        PATH: process.env.PATH ?? '',
        npm_config_registry: `${url}/`,
        npm_config_cache: join(dir, 'cache'),
      },
    });
    await expect(
      installPlugins({
        pluginsDir: join(dir, 'plugins'),
        host: HOST,
        npmOptions,
        specs: ['mycli-plugin-x'],
        onProgress: (e) => events.push(e),
      }),
    ).rejects.toMatchObject({
      code: 'EDICT_PLUGIN_FETCH_FAILED',
    });
    expect(events.filter((e) => e.message.startsWith('Registry request')).map((e) => e.message)).toEqual([
      'Registry request failed (HTTP 500): retrying (1 of 2)',
      'Registry request failed (HTTP 500): retrying (2 of 2)',
    ]);
  });

  test('a dependency document answering 500 is asked for 1 + fetch-retries times in all', async () => {
    const r = await timedInstall(sandbox(proxyNpmrc), 'mycli-plugin-faulty', {
      npm_config_fetch_retries: '2',
    });
    expectOneClearError(
      r,
      new RegExp(
        '^Error: Could not fetch mycli-plugin-faulty: 500 Internal Server Error - ' +
          'GET http://127\\.0\\.0\\.1:\\d+/fault-dep',
      ),
    );
    expect(proxied.get('/fault-dep')).toBe(3);
    expect(r.seconds).toBeLessThan(20);
  });

  test('a tarball that drips 1 byte a second: the stalled transfer fails after fetch-timeout', async () => {
    const r = await timedInstall(sandbox(proxyNpmrc), 'mycli-plugin-drip', {
      npm_config_fetch_timeout: '3000',
    });
    expectOneClearError(r, /^Error: The registry at 127\.0\.0\.1:\d+ sent too little data within 3 s/);
    expect([...proxied.keys()].some((p) => p.startsWith('/mycli-plugin-drip/-/'))).toBe(true);
    expect(r.seconds).toBeLessThan(20);
  });
});
