// Install suite: `mycli plugins install` of a plugin with ~30 transitive dependencies against
// `npm install` of the same package into an empty folder, cold (empty cache) and warm (cache
// primed by an earlier run); and `plugins update` with nothing to update (`npm update` in the
// npm folder as a reference). Both tools build the same tree: the plugin manager builds like
// `npm install --legacy-peer-deps`, and the plugin's peers are the host's, not in the registry.
// The CLI keeps a compile cache of npm's libraries (docs/plugin-manager.md); it is warm here, as
// on any machine where the CLI ran a plugins command before, and one row shows a first run.
// Each operation also gets what the registry did during its runs (registryActivity.mjs).
import { existsSync, readFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interleave } from './measure.mjs';
import { registryActivity, summarizeActivity } from './registryActivity.mjs';
import { cleanEnv, runChecked, timeOnce } from './run.mjs';
import { mycliEnv } from './startup.mjs';
import { BIG_PLUGIN } from './synthetic.mjs';

const NPM_FLAGS = ['--legacy-peer-deps', '--no-audit', '--no-fund'];
const temp = (label) => mkdtempSync(join(tmpdir(), `edict-bench-${label}-`));

/** Packages in a node_modules folder (scoped ones counted one by one). */
function countPackages(nodeModules) {
  if (!existsSync(nodeModules)) return 0;
  return readdirSync(nodeModules)
    .filter((n) => !n.startsWith('.'))
    .reduce((sum, n) => sum + (n.startsWith('@') ? readdirSync(join(nodeModules, n)).length : 1), 0);
}

export async function measureInstall(ctx, { runs, log }) {
  const { npmrcPath } = ctx.registry;
  const made = [];
  const keep = (dir) => (made.push(dir), dir);
  // The CLI's compile cache (the user's, kept between runs like the CLI's own install) is primed
  // by the setup install; the "first run" rows give every run an empty one.
  const compileCache = keep(temp('compile-cache'));
  const pluginsInstall =
    (cache, { firstRun = false } = {}) =>
    () => {
      const home = keep(temp('install-home'));
      const cacheDir = cache ?? keep(temp('install-cache'));
      const env = {
        ...mycliEnv(home, npmrcPath, cacheDir),
        MYCLI_COMPILE_CACHE: firstRun ? keep(temp('compile-cache')) : compileCache,
      };
      return { argv: ['node', ctx.mycli, 'plugins', 'install', BIG_PLUGIN], env, home };
    };
  const npmInstall = (cache) => () => {
    const dir = keep(temp('npm-project'));
    const cacheDir = cache ?? keep(temp('npm-cache'));
    return {
      argv: ['npm', 'install', BIG_PLUGIN, ...NPM_FLAGS],
      cwd: dir,
      env: cleanEnv({ npm_config_userconfig: npmrcPath, npm_config_cache: cacheDir }),
      dir,
    };
  };
  try {
    const warmPlugins = keep(temp('warm-cache-plugins'));
    const warmNpm = keep(temp('warm-cache-npm'));
    // Fixed targets of the no-op updates, installed once (this also primes the warm caches).
    const updateHome = pluginsInstall(warmPlugins)();
    runChecked({ label: 'plugins install (setup)', ...updateHome });
    const updateDir = npmInstall(warmNpm)();
    runChecked({ label: 'npm install (setup)', ...updateDir });
    const record = JSON.parse(readFileSync(join(updateHome.home, 'plugins/plugins.json'), 'utf8')).plugins[
      BIG_PLUGIN
    ];
    const pluginTree = countPackages(join(record.folder, 'node_modules'));
    const npmTree = countPackages(join(updateDir.dir, 'node_modules'));
    log(`trees: plugins install has ${pluginTree} packages, npm install ${npmTree}`);
    if (pluginTree !== npmTree || pluginTree < 31)
      throw new Error(`bench: the two installs built different trees (${pluginTree} vs ${npmTree} packages)`);

    const commands = [
      { label: 'plugins install (cold cache)', make: pluginsInstall() },
      { label: 'npm install (cold cache)', make: npmInstall() },
      { label: 'plugins install (warm cache)', make: pluginsInstall(warmPlugins) },
      { label: 'npm install (warm cache)', make: npmInstall(warmNpm) },
      {
        label: 'plugins install (cold cache, first run: empty compile cache)',
        make: pluginsInstall(undefined, { firstRun: true }),
      },
      {
        label: 'plugins update (nothing to update)',
        make: () => ({ argv: ['node', ctx.mycli, 'plugins', 'update'], env: updateHome.env }),
      },
      {
        label: 'npm update (nothing to update)',
        make: () => ({ argv: ['npm', 'update', ...NPM_FLAGS], cwd: updateDir.dir, env: updateDir.env }),
      },
    ];
    log(`timing ${commands.length} install operations, ${runs} interleaved rounds after a warm-up`);
    const windows = [];
    const time = interleave(commands, {
      runs,
      warmup: 1,
      probe: (c) => {
        const start = Date.now();
        const ms = timeOnce({ label: c.label, ...c.make() });
        windows.push({ label: c.label, start, end: Date.now() });
        return ms;
      },
      onRound: (r) => r >= 0 && log(`  round ${r + 1}/${runs}`),
    });
    const served = await ctx.registry.caughtUp();
    const registry = Object.fromEntries(
      commands.map((c) => {
        // the first window of each operation is its warm-up round
        const recorded = windows.filter((w) => w.label === c.label).slice(1);
        return [
          c.label,
          summarizeActivity(
            recorded.map((w) =>
              registryActivity(
                served.filter((q) => q.receivedAt >= w.start && q.receivedAt <= w.end),
                w.start,
                w.end,
              ),
            ),
          ),
        ];
      }),
    );
    return { packages: pluginTree, commands: commands.map((c) => c.label), time, registry };
  } finally {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  }
}
