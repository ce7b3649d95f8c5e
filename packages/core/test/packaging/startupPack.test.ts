import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { requireBuilt } from '../support/childCli';

const REPO = resolve(__dirname, '../../../..');
const PACKED = ['core', 'plugins', 'module-loader'].map((name) => join(REPO, 'packages', name));

/** Runs a CommonJS script in a fresh Node and returns its JSON output. */
function runNode(script: string, cwd = REPO, env: Record<string, string> = {}): unknown {
  const r = spawnSync(process.execPath, ['-e', script], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) throw new Error(`node exited with ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as unknown;
}

describe('the startup pack of a framework package', () => {
  test.each(PACKED)('is the package entry of %s and exports what lib/index.js exports', (dir) => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      main: string;
      exports: { '.': { default: string } };
    };
    expect([pkg.main, pkg.exports['.'].default]).toEqual(['./lib/index.packed.js', './lib/index.packed.js']);
    const packed = requireBuilt(join(dir, 'lib', 'index.packed.js'));
    const files = join(dir, 'lib', 'index.js');
    const keys = (file: string) => `Object.keys(require(${JSON.stringify(file)})).sort()`;
    expect(runNode(`console.log(JSON.stringify(${keys(packed)}))`)).toEqual(
      runNode(`console.log(JSON.stringify(${keys(files)}))`),
    );
  });

  test('shares one module instance with files required directly, before or after it', () => {
    const core = join(REPO, 'packages/core/lib');
    const script = (first: string, second: string) => `
      const a = require(${JSON.stringify(join(core, first))});
      const b = require(${JSON.stringify(join(core, second))});
      console.log(JSON.stringify([a.EdictError === b.EdictError, typeof a.EdictError]));`;
    expect(runNode(script('index.packed.js', 'errors/index.js'))).toEqual([true, 'function']);
    expect(runNode(script('errors/index.js', 'index.packed.js'))).toEqual([true, 'function']);
  });

  test('loads a re-exported module when one of its exports is first read, not with the entry', () => {
    const lib = join(REPO, 'packages/core/lib');
    const loaded = (file: string) =>
      `Object.keys(require.cache).includes(${JSON.stringify(join(lib, file))})`;
    const script = `
      const core = require(${JSON.stringify(join(lib, 'index.packed.js'))});
      const state = () => [${loaded('cli/createCli.js')}, ${loaded('fs/writeFileAtomic.js')}];
      const before = state();
      const used = typeof core.createCli;
      console.log(JSON.stringify({ before, used, after: state() }));`;
    expect(runNode(script)).toEqual({ before: [false, false], used: 'function', after: [true, false] });
  });

  test('names the real file and line of a module in a stack trace', () => {
    const script = `
      const core = require(${JSON.stringify(join(REPO, 'packages/core/lib/index.packed.js'))});
      try { core.kebabCase(null); } catch (e) { console.log(JSON.stringify(e.stack.split('\\n')[1])); }`;
    expect(runNode(script)).toMatch(/\(.*packages\/core\/lib\/host\/names\.js:\d+:\d+\)$/);
  });

  test('gives ES modules the named exports of the package', () => {
    const core = join(REPO, 'packages/core/lib/index.packed.js');
    const r = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { EdictError, runMain } from ${JSON.stringify(core)};
        console.log(typeof EdictError, typeof runMain);`,
      ],
      { encoding: 'utf8' },
    );
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
      status: 0,
      stdout: 'function function\n',
      stderr: '',
    });
  });

  test('loads the compiled files instead when tsc rebuilt them after the pack was written', () => {
    const copy = mkdtempSync(join(tmpdir(), 'edict-pack-'));
    try {
      const lib = join(REPO, 'packages/module-loader/lib');
      mkdirSync(join(copy, 'lib'));
      copyFileSync(join(lib, '..', 'package.json'), join(copy, 'package.json'));
      for (const name of readdirSync(lib))
        if (/\.(js|mjs)$|^\.tsbuildinfo$/.test(name) && name !== 'index.packed.js')
          copyFileSync(join(lib, name), join(copy, 'lib', name));
      const pack = pathToFileURL(join(REPO, 'scripts/build/startupPack.mjs')).href;
      const written = spawnSync(
        process.execPath,
        ['-e', `import(${JSON.stringify(pack)}).then((m) => m.writePack(${JSON.stringify(copy)}))`],
        { encoding: 'utf8' },
      );
      expect(written.stderr).toBe('');
      // a change tsc would make: the packed copy of index.js no longer matches the file
      appendFileSync(join(copy, 'lib', 'index.js'), '\nexports.fromFile = true;\n');
      const fromFile = `console.log(JSON.stringify(require('./lib/index.packed.js').fromFile === true))`;
      expect(runNode(fromFile, copy)).toBe(false);
      utimesSync(join(copy, 'lib', '.tsbuildinfo'), new Date(), new Date(Date.now() + 5_000));
      expect(runNode(fromFile, copy)).toBe(true);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  describe('code cache', () => {
    let cacheDir: string;
    beforeEach(() => (cacheDir = mkdtempSync(join(tmpdir(), 'edict-pack-cache-'))));
    afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

    const packsDir = () => join(cacheDir, `${process.version}-${process.arch}`, 'packs');
    const runWithCache = (value = cacheDir) =>
      runNode(
        `const core = require(${JSON.stringify(join(REPO, 'packages/core/lib/index.packed.js'))});
        console.log(JSON.stringify(core.kebabCase('fromCache')));`,
        REPO,
        { EDICT_COMPILE_CACHE: value },
      );
    const cacheFile = () => {
      const files = readdirSync(packsDir()).filter((f) => f.startsWith('edict+core-'));
      expect(files).toHaveLength(1);
      return join(packsDir(), files[0] ?? '');
    };

    test('is written by the first run and used unchanged by the next', () => {
      expect(runWithCache()).toBe('from-cache');
      const file = cacheFile();
      const first = readFileSync(file);
      expect(first.length).toBeGreaterThan(1000);
      // a run whose every member's entry is accepted by V8 does not write the file again
      utimesSync(file, new Date(0), new Date(0));
      expect(runWithCache()).toBe('from-cache');
      expect(statSync(file).mtimeMs).toBe(0);
      expect(readFileSync(file).equals(first)).toBe(true);
    });

    test('costs only a compile when its file is damaged, and is then written anew', () => {
      expect(runWithCache()).toBe('from-cache');
      const file = cacheFile();
      const good = readFileSync(file);
      writeFileSync(file, Buffer.concat([good.subarray(0, 40), Buffer.alloc(good.length - 40, 7)]));
      expect(runWithCache()).toBe('from-cache');
      expect(readFileSync(file).subarray(40, 200).equals(Buffer.alloc(160, 7))).toBe(false);
      writeFileSync(file, 'not a cache');
      expect(runWithCache()).toBe('from-cache');
      expect(readFileSync(file).length).toBeGreaterThan(1000);
    });

    test('is neither read nor written with EDICT_COMPILE_CACHE=off', () => {
      expect(runWithCache('off')).toBe('from-cache');
      expect(readdirSync(cacheDir)).toEqual([]);
    });
  });
});
