import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRegistry, type TestRegistry } from '../../../testing/src';
import {
  hashTree,
  makeSandbox,
  readRecord,
  warningLines,
  type CliRun,
  type Sandbox,
} from '../helpers/cliSandbox';
import { writePlugin, type FixturePlugin } from '../helpers/fixturePlugin';

// End-to-end: plugins written as an attacker would, published to a real verdaccio and installed
// through the built mycli. The victim is mycli-plugin-ccbase (group cc-base), installed first.
let registry: TestRegistry;
let work: string;
const sandboxes: Sandbox[] = [];

const CCBASE: FixturePlugin = { name: 'mycli-plugin-ccbase', version: '1.0.0', group: 'cc-base' };
const CCBASE_OUTPUT = 'mycli-plugin-ccbase@1.0.0 run\n';

/** A group node as the fixtures write it, for definitions modules that lie about their commands. */
const groupSource = (name: string): string =>
  JSON.stringify([
    {
      kind: 'group',
      name,
      summary: `Commands of ${name}`,
      children: [{ name: 'run', summary: 'The run command', handler: './handlers/run.js' }],
    },
  ]);

/** Writes a plugin, then replaces its definitions module (commands.js) with `source`. */
function pluginWithModule(parent: string, f: FixturePlugin, source: string): string {
  const dir = writePlugin(parent, f);
  writeFileSync(join(dir, 'commands.js'), source);
  return dir;
}

/** Code that counts its loads in `counter` and loops forever from the 2nd load on (the issue's plugin). */
const loopsOnSecondLoad = (counter: string): string =>
  `{ const fs = require('node:fs'); let n = 0; try { n = Number(fs.readFileSync(${JSON.stringify(counter)}` +
  `, 'utf8')) || 0; } catch {}\n` +
  `  try { fs.writeFileSync(${JSON.stringify(counter)}` +
  `, String(n + 1)); } catch {}\n  if (n >= 1) for (;;) {} }`;

/**
 * Where an attacker finds the victim's handler: its record's `location` in the plugins.json it
 * finds walking up from its own folder (the sandboxed child gets none of the user's environment).
 */
const findVictimHandler =
  `const fs = require('node:fs');\nconst path = require('node:path');\n` +
  `let dir = __dirname; while (!fs.existsSync(path.join(dir, 'plugins.json')) ` +
  `&& dir !== path.dirname(dir)) dir = path.dirname(dir);\n` +
  `const record = JSON.parse(fs.readFileSync(path.join(dir, 'plugins.json'), 'utf8'));\n` +
  `const victim = path.join(record.plugins['mycli-plugin-ccbase'].location, 'handlers', 'run.js');\n`;

/**
 * A definitions module that tries to overwrite the victim's handler and to start processes, then exports its
 * commands.
 */
const tamperModule = (markerDir: string): string => {
  const marker = (n: string): string => JSON.stringify(join(markerDir, n));
  return (
    findVictimHandler +
    `const owned = 'exports.handler = async (ctx) => { ctx.out.text("owned"); };\\n';\n` +
    `try { fs.writeFileSync(victim, owned); } catch {}\n` +
    `try { fs.appendFileSync(victim, owned); } catch {}\n` +
    `try { fs.rmSync(victim); } catch {}\n` +
    `try { fs.renameSync(path.join(__dirname, 'handlers', 'run.js'), victim); } catch {}\n` +
    `try { fs.writeFileSync(${marker('direct-write')}, 'x'); } catch {}\n` +
    `const cp = require('node:child_process');\n` +
    `try { cp.execSync('touch ' + ${marker('exec-sync')}); } catch {}\n` +
    `try { cp.spawnSync(process.execPath, ['-e', 'require("fs").writeFileSync(' ` +
    `+ JSON.stringify(${marker('spawn-sync')}) + ', "x")']); } catch {}\n` +
    `try { cp.spawn(process.execPath, ['-e', 'require("fs").writeFileSync(' ` +
    `+ JSON.stringify(${marker('spawn-detached')}) + ', "x")'], { detached: true, ` +
    `stdio: 'ignore' }).unref(); } catch {}\n` +
    `exports.commands = ${groupSource('tamper')};\n`
  );
};

/** A postInstall hook that starts a child ticking forever, records its pid, then loops. */
const loopingHook = (pidFile: string): string =>
  `const { spawn } = require('node:child_process');\nconst { writeFileSync } = require('node:fs');\n` +
  `exports.postInstall = async () => {\n` +
  `  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });\n` +
  `  writeFileSync(${JSON.stringify(pidFile)}, String(child.pid));\n` +
  `  for (;;) {}\n};\n`;

let markers: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'mycli-e2e-hostile-'));
  markers = join(work, 'markers');
  mkdirSync(markers);
  registry = await startRegistry();
  const out = join(work, 'published');
  const withManifest = (f: FixturePlugin, source: string): string => pluginWithModule(out, f, source);
  const dotdot = writePlugin(out, { name: 'mycli-plugin-dotdot', version: '1.0.0' });
  const manifestFile = join(dotdot, 'edict.manifest.json');
  writeFileSync(
    manifestFile,
    readFileSync(manifestFile, 'utf8').replace('./handlers/run.js', './handlers/../../../package.json'),
  );
  const dotdotHook = writePlugin(out, {
    name: 'mycli-plugin-dotdothook',
    version: '1.0.0',
    hooks: { init: 'exports.init = async () => {};\n' },
  });
  const hookPkg = JSON.parse(readFileSync(join(dotdotHook, 'package.json'), 'utf8')) as {
    edict: { hooks: Record<string, string> };
  };
  hookPkg.edict.hooks.init = './hooks/../../../package.json';
  writeFileSync(join(dotdotHook, 'package.json'), JSON.stringify(hookPkg, null, 2));
  await Promise.all(
    [
      writePlugin(out, CCBASE),
      // a manifest; its module would loop the moment anything ran it
      withManifest({ name: 'mycli-plugin-loop', version: '1.0.0' }, 'for (;;) {}\n'),
      writePlugin(out, {
        name: 'mycli-plugin-loop2',
        version: '1.0.0',
        definitionsPrelude: loopsOnSecondLoad(join(markers, 'loop2-loads')),
      }),
      // no manifest: the module is run at install, sandboxed
      pluginWithModule(
        out,
        { name: 'mycli-plugin-spin', version: '1.0.0', noManifest: true },
        'for (;;) {}\n',
      ),
      writePlugin(out, { name: 'mycli-plugin-grab', version: '1.0.0', group: 'cc-base' }),
      // the manifest says "evil"; the module, if anything ran it again, says "cc-base"
      withManifest(
        { name: 'mycli-plugin-evil', version: '1.0.0' },
        `exports.commands = ${groupSource('cc-base')};\n`,
      ),
      pluginWithModule(
        out,
        { name: 'mycli-plugin-tamper', version: '1.0.0', noManifest: true },
        tamperModule(markers),
      ),
      writePlugin(out, { name: 'mycli-plugin-swap', version: '1.0.0' }),
      dotdot,
      dotdotHook,
      writePlugin(out, {
        name: 'mycli-plugin-hooky',
        version: '1.0.0',
        hooks: { postInstall: loopingHook(join(markers, 'hook-child.pid')) },
      }),
    ].map((dir) => registry.publish(dir)),
  );
}, 120000);

afterAll(async () => {
  for (const s of sandboxes) s.cleanup();
  await registry?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A sandbox with the victim installed from the registry. */
async function sandboxWithVictim(): Promise<Sandbox> {
  const s = makeSandbox(registry.npmrcPath, join(work, 'npm-cache'));
  sandboxes.push(s);
  const r = await s.run(['plugins', 'install', CCBASE.name]);
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  expect(await victimRuns(s)).toBe(true);
  return s;
}

async function victimRuns(s: Sandbox): Promise<boolean> {
  const r = await s.run(['cc-base', 'run']);
  expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 0, stdout: CCBASE_OUTPUT });
  return true;
}

/** Runs the CLI and how long it took. */
async function timed(
  s: Sandbox,
  args: string[],
  env?: Record<string, string>,
): Promise<CliRun & { ms: number }> {
  const started = Date.now();
  const r = await s.run(args, env ? { env } : {});
  return { ...r, ms: Date.now() - started };
}

/**
 * Live (not zombie) processes that belong to the sandbox: their command line, working directory
 * or environment names its folder (every process the CLI starts inherits MYCLI_HOME).
 */
function sandboxProcesses(s: Sandbox): string[] {
  if (process.platform !== 'linux') return [];
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    if (Number(pid) === process.pid) continue;
    try {
      const state = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '')[0];
      if (state === 'Z' || state === 'X') continue;
      const text = [
        readFileSync(`/proc/${pid}/cmdline`, 'utf8'),
        readFileSync(`/proc/${pid}/environ`, 'utf8'),
      ].join('\0');
      if (text.includes(s.root))
        found.push(
          `${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').slice(0, 200)}`,
        );
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/** True when `pid` no longer runs (gone, or a zombie nobody reaped yet). */
function gone(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '')[0];
    return state === 'Z' || state === 'X';
  } catch {
    return true;
  }
}

const leftovers = (s: Sandbox): string[] =>
  ['.lock', '.staging'].filter((n) => existsSync(join(s.pluginsDir, n)));

interface Listing {
  name: string;
  health: string;
  problem?: string;
}

describe('looping definitions', () => {
  test(
    'a plugin with a manifest whose definitions module loops installs; ' +
      'with index.json deleted, --help, its neighbour and plugins list ' +
      'finish promptly and leave no process',
    async () => {
      const s = await sandboxWithVictim();
      const installed = await timed(s, ['plugins', 'install', 'mycli-plugin-loop', 'mycli-plugin-loop2']);
      expect({ status: installed.status, stderr: installed.stderr }).toEqual({ status: 0, stderr: '' });
      rmSync(join(s.pluginsDir, 'index.json'));
      // running the module once costs the default 10 s timeout; each of these takes a fraction of that
      const help = await timed(s, ['--help']);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/^\s+loop …/m);
      expect(help.stdout).toMatch(/^\s+loop2 …/m);
      expect(help.ms).toBeLessThan(8000);
      expect(existsSync(join(s.pluginsDir, 'index.json'))).toBe(true);
      const run = await timed(s, ['cc-base', 'run']);
      expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
        status: 0,
        stdout: CCBASE_OUTPUT,
        stderr: '',
      });
      expect(run.ms).toBeLessThan(8000);
      const list = await timed(s, ['plugins', 'list', '--json']);
      expect(list.status).toBe(0);
      expect(list.ms).toBeLessThan(8000);
      expect((JSON.parse(list.stdout) as { data: Listing[] }).data.map((p) => [p.name, p.health])).toEqual([
        ['mycli-plugin-ccbase', 'ok'],
        ['mycli-plugin-loop', 'ok'],
        ['mycli-plugin-loop2', 'ok'],
      ]);
      // the looping modules' own commands also route from the manifest, not the module
      expect((await s.run(['loop', 'run'])).stdout).toBe('mycli-plugin-loop@1.0.0 run\n');
      expect(existsSync(join(markers, 'loop2-loads'))).toBe(false);
      expect(sandboxProcesses(s)).toEqual([]);
    },
    60000,
  );

  test(
    'a plugin without a manifest whose definitions loop is stopped ' +
      'at EDICT_PLUGIN_CODE_TIMEOUT_MS and refused with one error line; ' +
      'nothing is left behind',
    async () => {
      const s = await sandboxWithVictim();
      const before = hashTree(s.pluginsDir);
      const record = readFileSync(join(s.pluginsDir, 'plugins.json'));
      const r = await timed(s, ['plugins', 'install', 'mycli-plugin-spin'], {
        EDICT_PLUGIN_CODE_TIMEOUT_MS: '2000',
      });
      expect(r.status).toBe(1);
      expect(r.ms).toBeLessThan(20000);
      const errors = r.stderr.split('\n').filter((l) => l.startsWith('Error:'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain('mycli-plugin-spin');
      expect(errors[0]).toContain('did not finish within 2 s and was stopped');
      const doc = await s.json(['plugins', 'install', 'mycli-plugin-spin'], {
        env: { EDICT_PLUGIN_CODE_TIMEOUT_MS: '2000' },
      });
      expect(doc.error?.code).toBe('EDICT_PLUGIN_INVALID');
      expect(doc.error?.message).toContain('did not finish within 2 s and was stopped');
      expect(leftovers(s)).toEqual([]);
      expect(readFileSync(join(s.pluginsDir, 'plugins.json'))).toEqual(record);
      expect(hashTree(s.pluginsDir)).toBe(before);
      expect(sandboxProcesses(s)).toEqual([]);
      await victimRuns(s);
    },
    60000,
  );
});

describe('hijacking a name', () => {
  test(
    "a plugin whose manifest claims the victim's group is refused " + 'at install, naming the owner',
    async () => {
      const s = await sandboxWithVictim();
      const before = hashTree(s.pluginsDir);
      const r = await s.json(['plugins', 'install', 'mycli-plugin-grab']);
      expect(r.exitCode).toBe(1);
      expect(r.error?.code).toBe('EDICT_PLUGIN_INVALID');
      expect(r.error?.message).toContain(
        'command "cc-base" is already provided by plugin mycli-plugin-ccbase',
      );
      expect(hashTree(s.pluginsDir)).toBe(before);
      await victimRuns(s);
    },
    60000,
  );

  test(
    "a plugin whose module would claim the victim's group on a later " +
      'load stays "evil" through every rebuild',
    async () => {
      const s = await sandboxWithVictim();
      const installed = await s.json<{ installed: { name: string; commands: string[] }[] }>([
        'plugins',
        'install',
        'mycli-plugin-evil',
      ]);
      expect(installed.exitCode).toBe(0);
      expect(installed.data.installed.map((p) => p.commands)).toEqual([['evil']]);
      const check = async (why: string): Promise<void> => {
        const run = await s.run(['cc-base', 'run']);
        expect({ why, status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
          why,
          status: 0,
          stdout: CCBASE_OUTPUT,
          stderr: '',
        });
        expect((await s.run(['evil', 'run'])).stdout).toBe('mycli-plugin-evil@1.0.0 run\n');
        const list = await s.json<Listing[]>(['plugins', 'list']);
        expect({ why, health: list.data.map((p) => [p.name, p.health]) }).toEqual({
          why,
          health: [
            ['mycli-plugin-ccbase', 'ok'],
            ['mycli-plugin-evil', 'ok'],
          ],
        });
      };
      const indexFile = join(s.pluginsDir, 'index.json');
      // a rebuild forced by a missing index
      rmSync(indexFile);
      await check('index deleted');
      // a rebuild forced by a changed record (same content, new stamp) with the host version unchanged
      const recordFile = join(s.pluginsDir, 'plugins.json');
      const record = readFileSync(recordFile);
      rmSync(recordFile);
      writeFileSync(recordFile, record);
      utimesSync(recordFile, new Date(), new Date(Date.now() + 5000));
      const stampBefore = readFileSync(indexFile, 'utf8').split('\n')[0];
      await check('record rewritten');
      expect(readFileSync(indexFile, 'utf8').split('\n')[0]).not.toBe(stampBefore);
      // a rebuild forced by another host version in the index
      const [header, ...rest] = readFileSync(indexFile, 'utf8').split('\n');
      writeFileSync(
        indexFile,
        [header!.replace(/"hostVersion":"[^"]*"/, '"hostVersion":"0.0.1"'), ...rest].join('\n'),
      );
      await check('host version changed');
      expect(readFileSync(indexFile, 'utf8').split('\n')[0]).not.toContain('"hostVersion":"0.0.1"');
    },
    60000,
  );

  test(
    "a linked plugin whose module later claims the victim's group " +
      'is skipped with one warning and listed as conflict',
    async () => {
      const s = await sandboxWithVictim();
      const folder = writePlugin(s.fixtures, { name: 'mycli-plugin-lnk', version: '1.0.0' });
      const linked = await s.run(['plugins', 'link', folder]);
      expect(linked.status).toBe(0);
      expect((await s.run(['lnk', 'run'])).stdout).toBe('mycli-plugin-lnk@1.0.0 run\n');
      writeFileSync(join(folder, 'commands.js'), `exports.commands = ${groupSource('cc-base')};\n`);
      const later = new Date(Date.now() + 10000);
      utimesSync(join(folder, 'commands.js'), later, later);
      const run = await s.run(['cc-base', 'run']);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(CCBASE_OUTPUT);
      expect(warningLines(run.stderr)).toEqual([
        'Warning: command "cc-base" of plugin mycli-plugin-lnk is skipped: ' +
          'plugin mycli-plugin-ccbase already provides it',
      ]);
      expect(run.stderr).toBe(`${warningLines(run.stderr)[0]}\n`);
      const list = await s.json<Listing[]>(['plugins', 'list']);
      expect(list.data.map((p) => [p.name, p.health])).toEqual([
        ['mycli-plugin-ccbase', 'ok'],
        ['mycli-plugin-lnk', 'conflict'],
      ]);
      expect(list.data.find((p) => p.name === 'mycli-plugin-lnk')?.problem).toContain('"cc-base"');
    },
    60000,
  );
});

describe('tampering', () => {
  test(
    'a definitions module run at install can neither overwrite the ' + "victim's handler nor start a process",
    async () => {
      const s = await sandboxWithVictim();
      const handler = join(readRecord(s.pluginsDir).plugins[CCBASE.name]!.location, 'handlers', 'run.js');
      const bytes = readFileSync(handler);
      // scripts off (the default): the definitions module is the only code of the plugin that runs
      const r = await s.json<{ installed: { name: string; commands: string[]; warnings: string[] }[] }>([
        'plugins',
        'install',
        'mycli-plugin-tamper',
      ]);
      // it found the victim through plugins.json (it exports no commands otherwise) and installed
      expect(r.error).toBeNull();
      expect(r.data.installed[0]?.commands).toEqual(['tamper']);
      expect(r.data.installed[0]?.warnings.join('\n')).toContain('no command manifest');
      expect(readFileSync(handler)).toEqual(bytes);
      await victimRuns(s);
      expect((await s.run(['tamper', 'run'])).stdout).toBe('mycli-plugin-tamper@1.0.0 run\n');
      await new Promise((r) => setTimeout(r, 500));
      expect(readdirSync(markers).filter((m) => m !== 'loop2-loads' && m !== 'hook-child.pid')).toEqual([]);
      expect(sandboxProcesses(s)).toEqual([]);
    },
    60000,
  );
});

describe('symlink swap', () => {
  test(
    'a handlers folder swapped for a symlink out of the plugin after ' +
      'install is refused at run time; the outside code never runs',
    async () => {
      const s = await sandboxWithVictim();
      expect((await s.run(['plugins', 'install', 'mycli-plugin-swap'])).status).toBe(0);
      const location = readRecord(s.pluginsDir).plugins['mycli-plugin-swap']!.location;
      const outside = join(s.root, 'elsewhere');
      const marker = join(s.root, 'outside-ran.txt');
      mkdirSync(outside);
      writeFileSync(
        join(outside, 'run.js'),
        `require('node:fs').writeFileSync(${JSON.stringify(marker)}` +
          `, 'x');\nexports.handler = async (ctx) => { ctx.out.text('outside'); };\n`,
      );
      rmSync(join(location, 'handlers'), { recursive: true });
      symlinkSync(outside, join(location, 'handlers'));
      const r = await s.json(['swap', 'run']);
      expect(r.status).toBe(1);
      expect(r.error?.code).toBe('EDICT_PLUGIN_LOAD_FAILED');
      expect(r.error?.message).toContain(`resolves to ${join(outside, 'run.js')}, outside the plugin`);
      const text = await s.run(['swap', 'run']);
      expect(text.status).toBe(1);
      expect(text.stdout).toBe('');
      expect(text.stderr).toContain('outside the plugin');
      expect(existsSync(marker)).toBe(false);
      await victimRuns(s);
    },
    60000,
  );

  test(
    'published plugins whose handler or hook points through ".." ' +
      'out of the plugin are refused at install',
    async () => {
      const s = await sandboxWithVictim();
      const before = hashTree(s.pluginsDir);
      const r = await s.json(['plugins', 'install', 'mycli-plugin-dotdot']);
      expect(r.exitCode).toBe(1);
      expect(r.error?.code).toBe('EDICT_PLUGIN_INVALID');
      // refused by the manifest's shape check, before any path is resolved
      expect(r.error?.message).toContain(
        'edict.manifest.json: command 0 "dotdot" › child 0 "run": "handler" ' +
          'must be a path relative to the plugin root',
      );
      const hook = await s.json(['plugins', 'install', 'mycli-plugin-dotdothook']);
      expect(hook.exitCode).toBe(1);
      expect(hook.error?.code).toBe('EDICT_PLUGIN_INVALID');
      expect(hook.error?.message).toContain('./hooks/../../../package.json');
      expect(hashTree(s.pluginsDir)).toBe(before);
    },
    60000,
  );
});

describe('install hooks', () => {
  test(
    'a looping postInstall is stopped with the process it started; ' +
      'the record is unchanged; without --allow-scripts it never runs',
    async () => {
      const s = await sandboxWithVictim();
      const pidFile = join(markers, 'hook-child.pid');
      const before = hashTree(s.pluginsDir);
      const r = await timed(s, ['plugins', 'install', 'mycli-plugin-hooky', '--allow-scripts', '--json'], {
        EDICT_PLUGIN_CODE_TIMEOUT_MS: '2000',
      });
      const doc = JSON.parse(r.stdout) as { error: { code: string; message: string } | null };
      expect(r.status).toBe(1);
      expect(doc.error?.code).toBe('EDICT_PLUGIN_HOOK_FAILED');
      expect(doc.error?.message).toContain('did not finish within 2 s and was stopped');
      expect(r.ms).toBeLessThan(30000);
      expect(hashTree(s.pluginsDir)).toBe(before);
      expect(leftovers(s)).toEqual([]);
      // the hook ran (it recorded its child) and its child went with it
      expect(existsSync(pidFile)).toBe(true);
      const pid = Number(readFileSync(pidFile, 'utf8'));
      expect(pid).toBeGreaterThan(0);
      for (let i = 0; i < 20 && !gone(pid); i++) await new Promise((res) => setTimeout(res, 100));
      expect(gone(pid)).toBe(true);
      expect(sandboxProcesses(s)).toEqual([]);
      rmSync(pidFile);

      const plain = await s.run(['plugins', 'install', 'mycli-plugin-hooky'], {
        env: { EDICT_PLUGIN_CODE_TIMEOUT_MS: '2000' },
      });
      expect(plain.status).toBe(0);
      const warnings = warningLines(plain.stderr);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/postInstall/);
      expect(warnings[0]).toMatch(/--allow-scripts/);
      expect(existsSync(pidFile)).toBe(false);
      expect((await s.run(['hooky', 'run'])).stdout).toBe('mycli-plugin-hooky@1.0.0 run\n');
      await victimRuns(s);
    },
    60000,
  );
});
