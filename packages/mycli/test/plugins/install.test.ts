import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRegistry, type TestRegistry } from '../../../testing/src';
import { eventually, makeSandbox, readRecord, warningLines, type Sandbox } from '../helpers/cliSandbox';
import { npmPack, writePlugin, type FixturePlugin } from '../helpers/fixturePlugin';

// End-to-end: the built mycli in child processes against a real verdaccio; fixtures published with `npm
// publish`.
let registry: TestRegistry;
let work: string;
const sandboxes: Sandbox[] = [];

function sandbox(npmrc?: string): Sandbox {
  const s = makeSandbox(npmrc ?? registry.npmrcPath, join(work, 'npm-cache'));
  sandboxes.push(s);
  return s;
}

/** Hooks writing a marker into MYCLI_HOME (the plugins folder's parent). */
const markerHook = (hook: string): string =>
  `const { writeFileSync } = require('node:fs');\nconst { join } = require('node:path');\n` +
  `exports.${hook} = async (ctx) => { writeFileSync(join(ctx.pluginsDir, '..', '${hook}` +
  `-' + ctx.plugin.name + '-' + ctx.plugin.version + '.txt'), ctx.host.name); };\n`;

const fixtures: [FixturePlugin, string?][][] = [
  [
    [{ name: 'mycli-plugin-beta', version: '1.0.0' }],
    [{ name: 'mycli-plugin-beta', version: '1.2.0' }],
    [{ name: 'mycli-plugin-beta', version: '2.0.0' }],
  ],
  [[{ name: 'mycli-plugin-gamma', version: '1.1.0-rc.0' }, 'next']],
  [[{ name: '@acme/mycli-plugin-scoped', version: '1.0.0', description: 'A scoped plugin' }]],
  [[{ name: 'mycli-plugin-upd', version: '1.0.0' }]],
  [
    [
      {
        name: 'mycli-plugin-future',
        version: '1.0.0',
        peerDependencies: { '@edict/core': '^0.1.0', mycli: '>=2 <3' },
      },
    ],
  ],
  [
    [
      {
        name: 'mycli-plugin-hooks',
        version: '1.0.0',
        scripts: { postinstall: `node -e "require('fs').writeFileSync('script-ran.txt', 'yes')"` },
        hooks: { postInstall: markerHook('postInstall'), preUninstall: markerHook('preUninstall') },
      },
    ],
  ],
  [[{ name: 'plain-library-about-beta', version: '1.0.0', noEdict: true, keywords: ['beta'] }]],
];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'mycli-e2e-install-'));
  registry = await startRegistry();
  // one chain per package (versions in order), packages in parallel
  await Promise.all(
    fixtures.map(async (versions) => {
      for (const [f, tag] of versions)
        await registry.publish(writePlugin(join(work, 'published'), f), tag ? { tag } : {});
    }),
  );
});

afterAll(async () => {
  for (const s of sandboxes) s.cleanup();
  await registry?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Installed {
  installed: { name: string; version: string; previousVersion?: string; commands: string[] }[];
}
interface Listing {
  name: string;
  version: string;
  health: string;
  problem?: string;
  source: string;
  commands: string[];
}

describe('plugins install from a registry', () => {
  test(
    'installs by exact version, tag and scoped name, then a range; ' +
      'a bare name records "latest"; every command runs',
    async () => {
      const s = sandbox();
      const doc = await s.json<Installed>([
        'plugins',
        'install',
        'mycli-plugin-beta@1.0.0',
        'mycli-plugin-gamma@next',
        '@acme/mycli-plugin-scoped',
      ]);
      expect(doc.error).toBeNull();
      expect(doc.exitCode).toBe(0);
      expect(Object.fromEntries(doc.data.installed.map((p) => [p.name, p.version]))).toEqual({
        'mycli-plugin-beta': '1.0.0',
        'mycli-plugin-gamma': '1.1.0-rc.0',
        '@acme/mycli-plugin-scoped': '1.0.0',
      });
      expect(doc.data.installed.find((p) => p.name === 'mycli-plugin-gamma')?.commands).toEqual(['gamma']);
      let record = readRecord(s.pluginsDir).plugins;
      expect(record['mycli-plugin-beta']).toMatchObject({
        version: '1.0.0',
        spec: 'mycli-plugin-beta@1.0.0',
        range: '1.0.0',
        source: 'registry',
      });
      expect(record['mycli-plugin-gamma']).toMatchObject({
        version: '1.1.0-rc.0',
        spec: 'mycli-plugin-gamma@next',
        range: 'next',
      });
      expect(record['@acme/mycli-plugin-scoped']).toMatchObject({
        version: '1.0.0',
        spec: '@acme/mycli-plugin-scoped',
        range: 'latest',
        source: 'registry',
      });

      const text = await s.run(['plugins', 'install', 'mycli-plugin-beta@^1']);
      expect(text.stderr).toBe('');
      expect(text.stdout).toBe('Installed mycli-plugin-beta@1.2.0 (was 1.0.0): commands beta\n');
      record = readRecord(s.pluginsDir).plugins;
      expect(record['mycli-plugin-beta']).toMatchObject({
        version: '1.2.0',
        spec: 'mycli-plugin-beta@^1',
        range: '^1',
      });

      for (const [group, id] of [
        ['beta', 'mycli-plugin-beta@1.2.0'],
        ['gamma', 'mycli-plugin-gamma@1.1.0-rc.0'],
        ['scoped', '@acme/mycli-plugin-scoped@1.0.0'],
      ] as const) {
        const r = await s.run([group, 'run']);
        expect({ group, status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
          group,
          status: 0,
          stdout: `${id} run\n`,
          stderr: '',
        });
      }

      const help = await s.run(['--help']);
      expect(help.status).toBe(0);
      for (const group of ['beta', 'gamma', 'scoped'])
        expect(help.stdout).toMatch(new RegExp(`^\\s+${group} …\\s+Commands of `, 'm'));

      const info = await s.run(['plugins', 'info', '@acme/mycli-plugin-scoped']);
      expect(info.status).toBe(0);
      expect(info.stdout).toMatch(/^name\s+@acme\/mycli-plugin-scoped$/m);
      expect(info.stdout).toMatch(/^version\s+1\.0\.0$/m);
      expect(info.stdout).toMatch(/^description\s+A scoped plugin$/m);
      expect(info.stdout).toMatch(/^update range\s+latest$/m);
      expect(info.stdout).toMatch(/^health\s+ok$/m);
      expect(info.stdout).toMatch(/^commands\s+scoped$/m);
      expect(info.stdout).toMatch(new RegExp(`^registry\\s+${registry.url}/$`, 'm'));
      const infoJson = await s.json<{
        record: { version: string; source: string };
        listing: { health: string };
      }>(['plugins', 'info', 'mycli-plugin-beta']);
      expect(infoJson.data.record).toMatchObject({ version: '1.2.0', source: 'registry' });
      expect(infoJson.data.listing.health).toBe('ok');
      const missing = await s.json(['plugins', 'info', 'mycli-plugin-nothing']);
      expect(missing.exitCode).toBe(1);
      expect(missing.error?.code).toBe('EDICT_PLUGIN_NOT_FOUND');
    },
  );

  test(
    'update stays inside the recorded range; a bare install reinstalls ' +
      "the recorded versions; --file installs another machine's set",
    async () => {
      const s = sandbox();
      expect((await s.run(['plugins', 'install', 'mycli-plugin-upd@^1'])).status).toBe(0);
      await registry.publish(
        writePlugin(join(work, 'later'), { name: 'mycli-plugin-upd', version: '1.1.0' }),
      );
      await registry.publish(
        writePlugin(join(work, 'later'), { name: 'mycli-plugin-upd', version: '2.0.0' }),
      );

      // the registry moved on, but a bare install reproduces what is recorded
      rmSync(join(s.pluginsDir, 'installed'), { recursive: true, force: true });
      const gone = await s.json<Listing[]>(['plugins', 'list']);
      expect(gone.data.map((p) => [p.name, p.health])).toEqual([['mycli-plugin-upd', 'missing']]);
      const again = await s.json<Installed>(['plugins', 'install']);
      expect(again.exitCode).toBe(0);
      expect(again.data.installed.map((p) => `${p.name}@${p.version}`)).toEqual(['mycli-plugin-upd@1.0.0']);
      expect((await s.run(['upd', 'run'])).stdout).toBe('mycli-plugin-upd@1.0.0 run\n');

      const update = await s.run(['plugins', 'update']);
      expect(update.stderr).toBe('');
      expect(update.status).toBe(0);
      expect(update.stdout).toBe('mycli-plugin-upd 1.0.0 → 1.1.0\n');
      expect(readRecord(s.pluginsDir).plugins['mycli-plugin-upd']).toMatchObject({
        version: '1.1.0',
        spec: 'mycli-plugin-upd@^1',
        range: '^1',
      });
      expect((await s.run(['upd', 'run'])).stdout).toBe('mycli-plugin-upd@1.1.0 run\n');
      const noop = await s.json<{ name: string; from: string; to: string }[]>([
        'plugins',
        'update',
        'mycli-plugin-upd',
      ]);
      expect(noop.data).toEqual([{ name: 'mycli-plugin-upd', from: '1.1.0', to: '1.1.0' }]);
      expect((await s.run(['plugins', 'update'])).stdout).toBe('mycli-plugin-upd 1.1.0 (up to date)\n');

      const portable = join(s.fixtures, 'plugins.json');
      writeFileSync(portable, readFileSync(join(s.pluginsDir, 'plugins.json')));
      const other = sandbox();
      const fromFile = await other.run(['plugins', 'install', '--file', portable]);
      expect(fromFile.status).toBe(0);
      expect(fromFile.stdout).toBe('Installed mycli-plugin-upd@1.1.0: commands upd\n');
      expect((await other.run(['upd', 'run'])).stdout).toBe('mycli-plugin-upd@1.1.0 run\n');
      expect(readRecord(other.pluginsDir).plugins['mycli-plugin-upd']).toMatchObject({
        version: '1.1.0',
        range: '^1',
      });
      const json = await other.json<{ name: string; from: string; to: string }[]>(['plugins', 'update']);
      expect(json.data).toEqual([{ name: 'mycli-plugin-upd', from: '1.1.0', to: '1.1.0' }]);
    },
  );

  test(
    'installs a local folder, a .tgz made by npm pack and a tarball ' + 'URL, recording local paths absolute',
    async () => {
      const s = sandbox();
      writePlugin(s.fixtures, { name: 'mycli-plugin-folder', version: '1.0.0' });
      const tgz = await npmPack(
        writePlugin(join(s.fixtures, 'src'), { name: 'mycli-plugin-packed', version: '3.1.4' }),
        join(s.fixtures, 'packed'),
      );
      const url = `${registry.url}/mycli-plugin-beta/-/mycli-plugin-beta-1.0.0.tgz`;
      const r = await s.run(
        ['plugins', 'install', './mycli-plugin-folder-1.0.0', './packed/mycli-plugin-packed-3.1.4.tgz', url],
        { cwd: s.fixtures },
      );
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(tgz).toBe(join(s.fixtures, 'packed', 'mycli-plugin-packed-3.1.4.tgz'));
      const record = readRecord(s.pluginsDir).plugins;
      expect(record['mycli-plugin-folder']).toMatchObject({
        source: 'folder',
        spec: join(s.fixtures, 'mycli-plugin-folder-1.0.0'),
        version: '1.0.0',
      });
      expect(record['mycli-plugin-packed']).toMatchObject({ source: 'tarball', spec: tgz, version: '3.1.4' });
      expect(record['mycli-plugin-beta']).toMatchObject({ source: 'url', spec: url, version: '1.0.0' });
      expect((await s.run(['folder', 'run'])).stdout).toBe('mycli-plugin-folder@1.0.0 run\n');
      expect((await s.run(['packed', 'run'])).stdout).toBe('mycli-plugin-packed@3.1.4 run\n');
      expect((await s.run(['beta', 'run'])).stdout).toBe('mycli-plugin-beta@1.0.0 run\n');

      const update = await s.json<{ name: string; from: string; to: string; note?: string }[]>([
        'plugins',
        'update',
      ]);
      expect(update.exitCode).toBe(0);
      expect(update.data.map((u) => [u.name, u.from, u.to])).toEqual([
        ['mycli-plugin-beta', '1.0.0', '1.0.0'],
        ['mycli-plugin-folder', '1.0.0', '1.0.0'],
        ['mycli-plugin-packed', '3.1.4', '3.1.4'],
      ]);
      for (const u of update.data) expect(u.note).toMatch(/reinstall it to update/);
    },
  );

  test('--registry replaces the registry of the npm config', async () => {
    const deadNpmrc = join(work, 'dead.npmrc');
    writeFileSync(deadNpmrc, 'registry=http://127.0.0.1:9/\n');
    const s = sandbox(deadNpmrc);
    const without = await s.json(['plugins', 'install', 'mycli-plugin-beta@1.0.0']);
    expect(without.exitCode).toBe(1);
    expect(without.error?.code).toBe('EDICT_PLUGIN_FETCH_FAILED');
    expect(existsSync(join(s.pluginsDir, 'plugins.json'))).toBe(false);
    const withFlag = await s.run([
      'plugins',
      'install',
      'mycli-plugin-beta@1.0.0',
      '--registry',
      registry.url,
    ]);
    expect(withFlag.stderr).toBe('');
    expect(withFlag.status).toBe(0);
    expect(readRecord(s.pluginsDir).plugins['mycli-plugin-beta']).toMatchObject({
      version: '1.0.0',
      registry: `${registry.url}/`,
    });
    expect((await s.run(['beta', 'run'])).stdout).toBe('mycli-plugin-beta@1.0.0 run\n');
  });

  test('a registry that requires a token works through the token in the .npmrc', async () => {
    const secure = await startRegistry({ requireAuth: true });
    try {
      await secure.publish(
        writePlugin(join(work, 'secure'), { name: 'mycli-plugin-secret', version: '1.0.0' }),
      );
      const anonymousNpmrc = join(work, 'anonymous.npmrc');
      writeFileSync(anonymousNpmrc, `registry=${secure.url}/\n`);
      const anonymous = sandbox(anonymousNpmrc);
      const refused = await anonymous.json(['plugins', 'install', 'mycli-plugin-secret']);
      expect(refused.exitCode).toBe(1);
      expect(refused.error?.code).toBe('EDICT_PLUGIN_FETCH_FAILED');
      expect(existsSync(join(anonymous.pluginsDir, 'plugins.json'))).toBe(false);

      const s = sandbox(secure.npmrcPath);
      const r = await s.run(['plugins', 'install', 'mycli-plugin-secret']);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('Installed mycli-plugin-secret@1.0.0: commands secret\n');
      expect((await s.run(['secret', 'run'])).stdout).toBe('mycli-plugin-secret@1.0.0 run\n');
      expect(
        await eventually(() =>
          secure
            .requests()
            .some(
              (q) => q.url === '/mycli-plugin-secret/-/mycli-plugin-secret-1.0.0.tgz' && q.status === 200,
            ),
        ),
      ).toBe(true);
    } finally {
      await secure.stop();
    }
  });
});

describe('compatibility, health, scripts and hooks', () => {
  test(
    'refuses an incompatible plugin before download naming both versions; ' +
      '--force installs it; list shows ok, incompatible, broken and missing',
    async () => {
      const s = sandbox();
      const tarballs = () => registry.requests().filter((q) => q.url.startsWith('/mycli-plugin-future/-/'));
      const refused = await s.run(['plugins', 'install', 'mycli-plugin-future']);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(
        'Error: mycli-plugin-future@1.0.0 does not support this mycli: ' +
          'mycli >=2 <3 is required but this is mycli 0.1.0.',
      );
      expect(refused.stderr).toContain('Hint: mycli plugins install mycli-plugin-future --force');
      // the metadata was read (the log is in request order), the tarball never
      expect(await eventually(() => registry.requests().some((q) => q.url === '/mycli-plugin-future'))).toBe(
        true,
      );
      expect(tarballs()).toEqual([]);

      const forced = await s.run([
        'plugins',
        'install',
        'mycli-plugin-future',
        '--force',
        'mycli-plugin-beta@1.0.0',
        'mycli-plugin-gamma@next',
        '@acme/mycli-plugin-scoped',
      ]);
      expect(forced.status).toBe(0);
      expect(await eventually(() => tarballs().length)).toBeGreaterThan(0);
      const record = readRecord(s.pluginsDir).plugins;
      rmSync(record['mycli-plugin-gamma']!.location, { recursive: true, force: true });
      writeFileSync(join(record['@acme/mycli-plugin-scoped']!.location, 'package.json'), '{ not json');

      const list = await s.json<Listing[]>(['plugins', 'list']);
      expect(list.exitCode).toBe(0);
      expect(list.data.map((p) => [p.name, p.health])).toEqual([
        ['@acme/mycli-plugin-scoped', 'broken'],
        ['mycli-plugin-beta', 'ok'],
        ['mycli-plugin-future', 'incompatible'],
        ['mycli-plugin-gamma', 'missing'],
      ]);
      expect(list.data.find((p) => p.name === 'mycli-plugin-future')?.problem).toContain(
        'mycli >=2 <3 is required but this is mycli 0.1.0',
      );

      const table = await s.run(['plugins', 'list']);
      expect(table.status).toBe(0);
      // piped: the plain layout, columns two spaces apart, no borders
      expect(table.stdout).not.toMatch(/[│┌└]/);
      expect(table.stdout).toMatch(/^name {2,}version {2,}spec {2,}source {2,}commands {2,}health$/m);
      expect(table.stdout).toMatch(
        /^mycli-plugin-beta {2,}1\.0\.0 {2,}mycli-plugin-beta@1\.0\.0 {2,}registry {2,}beta {2,}ok$/m,
      );
      expect(table.stdout).toMatch(/^mycli-plugin-future {2,}1\.0\.0 .* {2,}incompatible$/m);
      expect(table.stdout).toMatch(/^mycli-plugin-gamma {2,}1\.1\.0-rc\.0 .* {2,}missing$/m);
      expect(table.stdout).toMatch(/^@acme\/mycli-plugin-scoped {2,}1\.0\.0 .* {2,}broken$/m);
      expect(
        warningLines(table.stderr).filter((w) => /^Warning: (@acme\/)?mycli-plugin-/.test(w)),
      ).toHaveLength(3);
      // the healthy plugin still runs next to the damaged ones
      const beta = await s.run(['beta', 'run']);
      expect(beta.stdout).toBe('mycli-plugin-beta@1.0.0 run\n');
      expect(beta.status).toBe(0);
    },
  );

  test(
    'install scripts and hooks are skipped with a warning unless ' +
      '--allow-scripts; then postInstall runs on install and preUninstall ' +
      'on uninstall',
    async () => {
      const s = sandbox();
      const plain = await s.run(['plugins', 'install', 'mycli-plugin-hooks']);
      expect(plain.status).toBe(0);
      expect(plain.stderr).toContain(
        'Warning: mycli-plugin-hooks: install scripts not run for mycli-plugin-hooks. ' +
          'Rerun with --allow-scripts if they are needed.',
      );
      expect(plain.stderr).toContain(
        'Warning: mycli-plugin-hooks: its postInstall hook was not run: ' +
          'hooks are plugin code, run only with --allow-scripts',
      );
      const first = readRecord(s.pluginsDir).plugins['mycli-plugin-hooks']!.location;
      expect(existsSync(join(first, 'script-ran.txt'))).toBe(false);
      expect(existsSync(join(s.home, 'postInstall-mycli-plugin-hooks-1.0.0.txt'))).toBe(false);

      const allowed = await s.run([
        'plugins',
        'install',
        'mycli-plugin-hooks',
        'mycli-plugin-beta@1.0.0',
        '--allow-scripts',
      ]);
      expect(allowed.stderr).toBe('');
      expect(allowed.status).toBe(0);
      const location = readRecord(s.pluginsDir).plugins['mycli-plugin-hooks']!.location;
      expect(existsSync(first)).toBe(false);
      expect(readFileSync(join(location, 'script-ran.txt'), 'utf8')).toBe('yes');
      expect(readFileSync(join(s.home, 'postInstall-mycli-plugin-hooks-1.0.0.txt'), 'utf8')).toBe('mycli');
      expect((await s.run(['hooks', 'run'])).stdout).toBe('mycli-plugin-hooks@1.0.0 run\n');

      const doc = await s.json<{
        uninstalled: { name: string; version: string; hooks: { hook: string }[] }[];
      }>(['plugins', 'uninstall', 'mycli-plugin-hooks', '--allow-scripts']);
      expect(doc.exitCode).toBe(0);
      expect(doc.data.uninstalled).toEqual([
        {
          name: 'mycli-plugin-hooks',
          version: '1.0.0',
          hooks: [expect.objectContaining({ hook: 'preUninstall' })],
          warnings: [],
        },
      ]);
      expect(readFileSync(join(s.home, 'preUninstall-mycli-plugin-hooks-1.0.0.txt'), 'utf8')).toBe('mycli');
      expect(existsSync(location)).toBe(false);
      expect(Object.keys(readRecord(s.pluginsDir).plugins)).toEqual(['mycli-plugin-beta']);
      const gone = await s.run(['hooks', 'run']);
      expect(gone.status).toBe(2);
      expect(gone.stderr).toContain('Unknown command');

      const text = await s.run(['plugins', 'uninstall', 'mycli-plugin-beta']);
      expect(text.stdout).toBe('Uninstalled mycli-plugin-beta@1.0.0\n');
      const none = await s.run(['plugins', 'uninstall', 'mycli-plugin-beta']);
      expect(none.status).toBe(1);
      expect(none.stderr).toContain('Error: No plugin named mycli-plugin-beta is installed.');
    },
  );
});

describe('plugins search', () => {
  test('finds packages with the mycli-plugin keyword on the local registry, and only those', async () => {
    const s = sandbox();
    const doc = await s.json<{ name: string; version: string }[]>(['plugins', 'search', 'beta']);
    expect(doc.exitCode).toBe(0);
    expect(doc.data.map((h) => [h.name, h.version])).toEqual([['mycli-plugin-beta', '2.0.0']]);

    const scoped = await s.run(['plugins', 'search', 'scoped']);
    expect(scoped.status).toBe(0);
    expect(scoped.stdout).toMatch(/^@acme\/mycli-plugin-scoped {2,}1\.0\.0 {2,}A scoped plugin\b/m);

    const all = await s.json<{ name: string }[]>(['plugins', 'search', 'mycli-plugin']);
    expect(all.data.map((h) => h.name).sort()).toEqual([
      '@acme/mycli-plugin-scoped',
      'mycli-plugin-beta',
      'mycli-plugin-future',
      'mycli-plugin-gamma',
      'mycli-plugin-hooks',
      'mycli-plugin-upd',
    ]);
    const nothing = await s.run(['plugins', 'search', 'zebra']);
    expect(nothing.stdout).toBe('No mycli plugins match "zebra".\n');
  });
});
