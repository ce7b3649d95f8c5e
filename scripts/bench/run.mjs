// Running child processes for the benchmark: checked runs, wall-clock timing and peak RSS.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const TIME_BIN = '/usr/bin/time';
const PRELOAD = join(here, 'maxrss-preload.cjs');
const COUNT_MODULES = join(here, 'count-modules-preload.cjs');
const npmBin = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** How peak RSS is measured: GNU time if present, else a preload that reports the child's own maxRSS. */
export const rssMethod = existsSync(TIME_BIN) ? '/usr/bin/time -f %M' : 'node --require maxrss-preload.cjs';

/** The caller's environment without npm_* settings (`npm run` sets some), plus `extra`. */
export function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, NO_UPDATE_NOTIFIER: '1', npm_config_update_notifier: 'false', ...extra };
}

/**
 * A command to run: `argv[0]` is 'node' (this Node binary) or 'npm'; `env` and `cwd` as for spawn;
 * `expect` (optional) a string stdout must contain when checked.
 * @typedef {{ label: string, argv: string[], env?: Record<string, string>, cwd?: string, expect?: string }}
 * Cmd
 */

function resolveArgv(argv) {
  const [bin, ...rest] = argv;
  if (bin === 'node') return [process.execPath, rest];
  if (bin === 'npm') return [npmBin, rest];
  return [bin, rest];
}

function spawn(cmd, argvPrefix = []) {
  const [bin, args] = resolveArgv(cmd.argv);
  const [file, fullArgs] = argvPrefix.length
    ? [argvPrefix[0], [...argvPrefix.slice(1), bin, ...args]]
    : [bin, args];
  return spawnSync(file, fullArgs, {
    env: cmd.env ?? cleanEnv(),
    cwd: cmd.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    shell: process.platform === 'win32' && bin === npmBin,
  });
}

function fail(cmd, r) {
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.slice(-3000);
  return new Error(
    `bench: \`${cmd.argv.join(' ')}\` (${cmd.label}` +
      `) exited with ${r.status ?? r.signal}${r.error ? ` (${r.error.message})` : ''}` +
      `\n${out}`,
  );
}

/** Runs `cmd` once and throws unless it exits 0 (and prints `cmd.expect`, if given). Returns stdout. */
export function runChecked(cmd) {
  const r = spawn(cmd);
  if (r.status !== 0) throw fail(cmd, r);
  const stdout = r.stdout.toString();
  if (cmd.expect && !stdout.includes(cmd.expect))
    throw new Error(`bench: ${cmd.label}: stdout lacks "${cmd.expect}":\n${stdout.slice(0, 2000)}`);
  return stdout;
}

/** Wall-clock milliseconds of one run of `cmd` (which must exit 0). */
export function timeOnce(cmd) {
  const start = process.hrtime.bigint();
  const r = spawn(cmd);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw fail(cmd, r);
  return ms;
}

/** Peak resident set size, in KiB, of one run of `cmd` (a `node` command). */
export function rssOnce(cmd) {
  const dir = mkdtempSync(join(tmpdir(), 'edict-bench-rss-'));
  const file = join(dir, 'rss');
  try {
    let r;
    if (rssMethod.startsWith(TIME_BIN)) {
      r = spawn(cmd, [TIME_BIN, '-f', '%M', '-o', file]);
    } else {
      const [bin, ...rest] = cmd.argv;
      if (bin !== 'node') throw new Error(`bench: peak RSS without ${TIME_BIN} works for node commands only`);
      r = spawn({
        ...cmd,
        argv: ['node', '--require', PRELOAD, ...rest],
        env: { ...(cmd.env ?? cleanEnv()), EDICT_BENCH_RSS_FILE: file },
      });
    }
    if (r.status !== 0) throw fail(cmd, r);
    const kib = Number.parseInt(readFileSync(file, 'utf8').trim().split('\n').pop(), 10);
    if (!Number.isFinite(kib)) throw new Error(`bench: could not read peak RSS of ${cmd.label}`);
    return kib;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How many CommonJS modules one run of `cmd` (a `node` command) loads. */
export function modulesOnce(cmd) {
  const dir = mkdtempSync(join(tmpdir(), 'edict-bench-modules-'));
  const file = join(dir, 'count');
  try {
    const [, ...rest] = cmd.argv;
    const r = spawn({
      ...cmd,
      argv: ['node', '--require', COUNT_MODULES, ...rest],
      env: { ...(cmd.env ?? cleanEnv()), EDICT_BENCH_MODULES_FILE: file },
    });
    if (r.status !== 0) throw fail(cmd, r);
    return Number.parseInt(readFileSync(file, 'utf8'), 10);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
