// A registry `delayMs` away: the throw-away registry behind latency-proxy.mjs, with an .npmrc
// that points npm and the plugin manager at the proxy (same token). Same shape as the registry
// for measureInstall: { url, npmrcPath, requests(), caughtUp(), stop() }.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export async function startLatencyRegistry(registry, delayMs) {
  const child = spawn(
    process.execPath,
    [join(here, 'latency-proxy.mjs'), String(registry.port), String(delayMs)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`bench: the latency proxy exited with ${code}`)));
  });
  const dir = mkdtempSync(join(tmpdir(), 'edict-bench-latency-'));
  const npmrcPath = join(dir, '.npmrc');
  writeFileSync(
    npmrcPath,
    readFileSync(registry.npmrcPath, 'utf8').replaceAll(`127.0.0.1:${registry.port}/`, `127.0.0.1:${port}/`),
  );
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    npmrcPath,
    requests: () => registry.requests(),
    caughtUp: () => registry.caughtUp(),
    stop,
  };
}
