#!/usr/bin/env node
// Edict's benchmark (`pnpm bench`, never part of the tests): startup time and peak RSS of the
// sample CLI with 0, 10 and 100 synthetic plugins installed through the real plugin manager, and
// `plugins install` against `npm install`, all from a throw-away local registry. Prints Markdown
// tables and PASS/MISS per target, writes JSON to .bench/results.json. See docs/performance.md.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureInstall } from './bench/install.mjs';
import { startLatencyRegistry } from './bench/latency.mjs';
import { publishAll } from './bench/publish.mjs';
import { machineFacts, renderReport } from './bench/report.mjs';
import { rssMethod } from './bench/run.mjs';
import { profileCommands } from './bench/profile.mjs';
import { addSecureProfile, bareRows, homeCommands, makeHome, measureStartup } from './bench/startup.mjs';
import { bigPlugin, syntheticPlugins } from './bench/synthetic.mjs';
import { evaluateTargets } from './bench/targets.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `Usage: node scripts/bench.mjs [options]

  --quick            fewer runs, N = 0 and 10 only (a sanity check, not for the record)
  --out <file>       where to write the JSON results (default .bench/results.json)
  --runs <n>         timed rounds of the startup suite (default 15, quick 5)
  --rss-runs <n>     rounds of peak RSS measurement (default 5, quick 3)
  --install-runs <n> rounds of the install suite (default 9, quick 2)
  --plugins <list>   plugin counts to measure, comma-separated (default 0,10,100)
  --skip-startup     do not run the startup suite
  --skip-install     do not run the install suite
  --skip-legacy      do not also run the install suite on a registry with verdaccio's legacy
                     tokens (a request-bound registry; skipped by --quick)
  --latency <ms>     also run the install suite on the registry behind a loopback proxy that
                     answers each request this much later (default 50; 0 or --quick: not run)
  --profile          also write CPU profile summaries of the startup commands at the largest N
                     (and bare node) to .bench/profiles/
  --keep-homes       keep the temp homes with N plugins (printed), e.g. to profile a command in one
  -h, --help         show this help`;

function options() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      out: { type: 'string' },
      runs: { type: 'string' },
      'install-runs': { type: 'string' },
      'rss-runs': { type: 'string' },
      plugins: { type: 'string' },
      'skip-startup': { type: 'boolean' },
      'skip-install': { type: 'boolean' },
      'skip-legacy': { type: 'boolean' },
      latency: { type: 'string' },
      'keep-homes': { type: 'boolean' },
      profile: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const quick = values.quick ?? false;
  const int = (v, d) => (v === undefined ? d : Number.parseInt(v, 10));
  const plugins = (values.plugins ?? (quick ? '0,10' : '0,10,100')).split(',').map(Number);
  if (values.latency !== undefined && !(Number.parseInt(values.latency, 10) >= 0))
    throw new Error('bench: --latency needs a whole number of milliseconds');
  for (const [name, v] of [
    ['runs', values.runs],
    ['rss-runs', values['rss-runs']],
    ['install-runs', values['install-runs']],
  ]) {
    if (v !== undefined && !(Number.parseInt(v, 10) >= 1))
      throw new Error(`bench: --${name} needs a whole number of at least 1`);
  }
  if (!plugins.includes(0) || plugins.some((n) => !Number.isInteger(n) || n < 0))
    throw new Error('bench: --plugins needs whole numbers including 0');
  return {
    quick,
    out: resolve(values.out ?? join(root, '.bench/results.json')),
    runs: int(values.runs, quick ? 5 : 15),
    rssRuns: int(values['rss-runs'], quick ? 3 : 5),
    installRuns: int(values['install-runs'], quick ? 2 : 9),
    plugins: [...new Set(plugins)].sort((a, b) => a - b),
    startup: !values['skip-startup'],
    install: !values['skip-install'],
    legacy: !values['skip-install'] && !values['skip-legacy'] && !quick,
    latencyMs: values['skip-install'] || quick ? 0 : int(values.latency, 50),
    keepHomes: values['keep-homes'] ?? false,
    profile: values.profile ?? false,
  };
}

const started = Date.now();
const log = (msg) =>
  console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${msg}`);

async function main() {
  const opts = options();
  const require = createRequire(import.meta.url);
  const { startRegistry } = require(join(root, 'packages/testing/lib/index.js'));
  const version = JSON.parse(readFileSync(join(root, 'packages/mycli/package.json'), 'utf8')).version;
  const maxN = Math.max(...opts.plugins);
  log('starting a throw-away registry');
  const registry = await startRegistry();
  const homes = [];
  let secrets;
  try {
    const ctx = { registry, mycli: join(root, 'bin/mycli'), version };
    const count = await publishAll(root, registry, [
      ...syntheticPlugins(maxN),
      ...(opts.install ? bigPlugin() : []),
    ]);
    log(`published ${count} synthetic packages to ${registry.url}`);
    const results = { machine: machineFacts(), options: opts, rssMethod, plugins: opts.plugins, setup: [] };
    if (opts.startup) {
      secrets = await startSecrets(require, log);
      for (const n of opts.plugins) {
        log(`installing ${n} plugins into a temp home`);
        let home = makeHome(ctx, n);
        if (n === maxN && n > 0 && secrets) home = addSecureProfile(home, secrets);
        homes.push(home);
        results.setup.push({ n, installMs: home.installMs, indexBytes: home.indexBytes });
      }
      results.startup = measureStartup(ctx, homes, { runs: opts.runs, rssRuns: opts.rssRuns, log });
      if (opts.profile) {
        const commands = [...bareRows().slice(0, 1), ...homeCommands(ctx, homes.at(-1))];
        results.profiles = profileCommands(commands, { dir: join(dirname(opts.out), 'profiles'), log });
      }
    }
    if (opts.install) results.install = await measureInstall(ctx, { runs: opts.installRuns, log });
    if (opts.latencyMs > 0) {
      log(`install suite on the registry behind a proxy that answers ${opts.latencyMs} ms later`);
      const distant = await startLatencyRegistry(registry, opts.latencyMs);
      try {
        results.installLatency = {
          delayMs: opts.latencyMs,
          ...(await measureInstall({ ...ctx, registry: distant }, { runs: opts.installRuns, log })),
        };
      } finally {
        await distant.stop();
      }
    }
    if (opts.legacy) {
      log('starting a registry with legacy tokens (a password check per request) for the install suite');
      const legacy = await startRegistry({ tokens: 'legacy' });
      try {
        await publishAll(root, legacy, bigPlugin());
        results.installLegacy = await measureInstall(
          { ...ctx, registry: legacy },
          { runs: opts.installRuns, log },
        );
      } finally {
        await legacy.stop();
      }
    }
    results.targets = evaluateTargets(results);
    results.seconds = Math.round((Date.now() - started) / 1000);
    mkdirSync(dirname(opts.out), { recursive: true });
    writeFileSync(opts.out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(renderReport(results));
    log(`done in ${results.seconds} s; JSON in ${opts.out}`);
  } finally {
    for (const h of homes) {
      if (opts.keepHomes) log(`kept: MYCLI_HOME=${h.home} (${h.n} plugins)`);
      else rmSync(h.home, { recursive: true, force: true });
    }
    await registry.stop();
    await secrets?.stop();
  }
}

/** A private Secret Service (gnome-keyring) for the secure-profile row, or undefined when missing. */
async function startSecrets(require, log) {
  const { secretServiceAvailable, startSecretService } = require(join(root, 'packages/testing/lib/index.js'));
  if (secretServiceAvailable()) return startSecretService();
  log('no gnome-keyring-daemon, dbus-daemon or secret-tool: the secure-profile row is skipped');
  return undefined;
}

main().catch((err) => {
  console.error(err.stack ?? String(err));
  process.exitCode = 1;
});
