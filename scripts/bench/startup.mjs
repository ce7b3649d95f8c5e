// Startup suite: for each plugin count N, a home with N synthetic plugins installed through the
// real plugin manager, then time and peak RSS of mycli commands against bare `node -e 0`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rssAll, timeAll } from './measure.mjs';
import { cleanEnv, modulesOnce, runChecked, timeOnce } from './run.mjs';
import { PROFILE_COMMAND, PROFILE_TYPE, pluginGroup, pluginName } from './synthetic.mjs';

export const BARE = 'bare node -e 0';

/**
 * Settings that make every Node process start slower by a constant, whatever it runs: with them
 * in the environment, bare Node's time grows and every ratio drifts toward 1. On Node 20,
 * NODE_EXTRA_CA_CERTS parses the named certificates at startup (55–88 ms for Debian's bundle on
 * these machines). The startup suite runs without them; their cost is a row of its own (bareRows).
 */
export const STARTUP_NOISE = ['NODE_EXTRA_CA_CERTS'];

/** `env` (or the caller's clean environment) without {@link STARTUP_NOISE}. */
export function startupEnv(env = cleanEnv()) {
  const out = { ...env };
  for (const name of STARTUP_NOISE) delete out[name];
  return out;
}

/** The bare-Node rows: the baseline, and for each noise setting that is set, Node with it. */
export function bareRows() {
  const base = cleanEnv();
  const rows = [{ label: BARE, argv: ['node', '-e', '0'], env: startupEnv(base) }];
  for (const name of STARTUP_NOISE)
    if (base[name]) rows.push({ label: `${BARE} with ${name} set`, argv: ['node', '-e', '0'], env: base });
  return rows;
}

/** Environment for mycli with its own home, reading the registry's .npmrc. */
export function mycliEnv(home, npmrcPath, cache) {
  return cleanEnv({
    MYCLI_HOME: home,
    npm_config_userconfig: npmrcPath,
    ...(cache ? { npm_config_cache: cache } : {}),
  });
}

/** Creates a home with `n` plugins installed by one `mycli plugins install` call; returns its facts. */
export function makeHome(ctx, n) {
  const home = mkdtempSync(join(tmpdir(), `edict-bench-home-${n}-`));
  const env = mycliEnv(home, ctx.registry.npmrcPath, join(home, '.npm-cache'));
  let installMs = 0;
  if (n > 0) {
    const specs = Array.from({ length: n }, (_, i) => pluginName(i));
    installMs = timeOnce({
      label: `install ${n} plugins`,
      argv: ['node', ctx.mycli, 'plugins', 'install', ...specs],
      env,
    });
    const list = runChecked({
      label: 'plugins list',
      argv: ['node', ctx.mycli, 'plugins', 'list', '--json'],
      env,
    });
    const found = specs.filter((s) => list.includes(`"${s}"`)).length;
    if (found !== n) throw new Error(`bench: plugins list shows ${found} of the ${n} plugins installed`);
  }
  let indexBytes = 0;
  try {
    indexBytes = statSync(join(home, 'plugins', 'index.json')).size;
  } catch {
    // no plugins, no index
  }
  return { n, home, env, installMs, indexBytes };
}

/** The secure value the profile row reads from the credential store. */
export const BENCH_TOKEN = 'bench-t0ken-123';

/**
 * Gives a home with plugins a global `mycli.config.json` holding a `bench` profile whose token is
 * in the real credential store (`secrets`: a running Secret Service from @edict/testing), so the
 * profile row measures reading a profile and a secure value. Returns the env to run it with.
 */
export function addSecureProfile(home, secrets) {
  const file = join(home.home, 'mycli.config.json');
  const config = {
    profiles: { bench: { type: PROFILE_TYPE.type, properties: { region: 'eu' }, secure: ['token'] } },
    defaults: { bench: 'bench' },
  };
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  const username = `${file}:bench.token`;
  const stored = spawnSync(
    'secret-tool',
    ['store', '--label', 'bench', 'service', 'mycli', 'username', username],
    {
      env: { ...process.env, ...secrets.env },
      input: BENCH_TOKEN,
      encoding: 'utf8',
    },
  );
  if (stored.status !== 0) throw new Error(`bench: secret-tool store failed: ${stored.stderr}`);
  return { ...home, secureEnv: { ...home.env, ...secrets.env } };
}

/** The commands measured for one home. */
export function homeCommands(ctx, { n, env, secureEnv }) {
  const cmd = (label, args, expect) => ({
    label: `${label} @${n}`,
    argv: ['node', ctx.mycli, ...args],
    env: startupEnv(env),
    expect,
  });
  const list = [
    cmd('--version', ['--version'], ctx.version),
    cmd('--help', ['--help'], 'Commands'),
    cmd('builtin: greet Ada', ['greet', 'Ada'], 'Ada'),
  ];
  if (n > 0) {
    const group = pluginGroup(n - 1);
    list.push(
      cmd('plugin command', [group, 'list', 'item-1'], `${group} list item-1`),
      cmd('plugin group --help', [group, '--help'], 'delete'),
    );
  }
  if (secureEnv)
    list.push({
      label: `plugin command with a secure profile value @${n}`,
      argv: ['node', ctx.mycli, pluginGroup(0), PROFILE_COMMAND, 'item-1'],
      env: startupEnv(secureEnv),
      expect: `(token of ${BENCH_TOKEN.length} characters)`,
    });
  return list;
}

/**
 * Measures every command of every home, all interleaved with bare node in one loop.
 * Returns { time, rss } summaries by label.
 */
export function measureStartup(ctx, homes, { runs, rssRuns, log }) {
  const commands = [...bareRows(), ...homes.flatMap((h) => homeCommands(ctx, h))];
  for (const c of commands) runChecked(c);
  const modules = Object.fromEntries(commands.map((c) => [c.label, modulesOnce(c)]));
  log(`timing ${commands.length} commands, ${runs} interleaved rounds after a warm-up`);
  const time = timeAll(commands, {
    runs,
    warmup: 2,
    onRound: (r) => r >= 0 && (r + 1) % 5 === 0 && log(`  round ${r + 1}/${runs}`),
  });
  log(`peak RSS of ${commands.length} commands, ${rssRuns} rounds`);
  const rss = rssAll(commands, { runs: rssRuns, warmup: 0 });
  return { commands: commands.map((c) => c.label), time, rss, modules };
}
