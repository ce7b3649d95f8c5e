import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRegistry, type TestRegistry } from '../../../testing/src';
import { installPlugins } from '../../src/manage/installPlugins';
import { readPluginIndex } from '../../src/index-file/readPluginIndex';
import { readRecords } from '../../src/store/record';
import { documentGets, makeDirs, type TestDirs } from '../helpers/env';
import { HOST, writeLibrary, writePlugin } from '../helpers/fixtures';

let registry: TestRegistry;
let dirs: TestDirs;

beforeAll(async () => {
  registry = await startRegistry();
  const pub = makeDirs('publish');
  try {
    await registry.publish(writeLibrary(pub.fixtures, 'test-pkg', '1.0.0'));
    await registry.publish(writeLibrary(pub.fixtures, 'test-pkg', '2.0.0'));
    await registry.publish(
      writePlugin(pub.fixtures, {
        name: 'mycli-plugin-cjs',
        version: '1.0.0',
        dependencies: { 'test-pkg': '2.0.0' },
      }),
    );
    await registry.publish(
      writePlugin(pub.fixtures, {
        name: 'mycli-plugin-esm',
        version: '1.0.0',
        type: 'module',
        postInstall: 'marker',
      }),
    );
    await registry.publish(
      writePlugin(pub.fixtures, {
        name: '@acme/mycli-plugin-scoped',
        version: '3.1.0',
        group: 'acme',
        json: true,
      }),
    );
  } finally {
    pub.cleanup();
  }
});
afterAll(async () => {
  await registry?.stop();
});
beforeEach(() => {
  dirs = makeDirs('install');
});
afterEach(() => dirs.cleanup());

describe('installPlugins from a registry', () => {
  test(
    'installs a CommonJS plugin with its own copy of a dependency ' + 'the host has in another version',
    async () => {
      // the host project has test-pkg 1.0.0 and the plugins folder lives inside it; the plugin asks for 2.0.0
      const hostProject = writeLibrary(dirs.fixtures, 'host-app', '1.0.0');
      const hostCopy = join(hostProject, 'node_modules', 'test-pkg');
      cpSync(writeLibrary(dirs.fixtures, 'test-pkg', '1.0.0'), hostCopy, { recursive: true });
      const pluginsDir = join(hostProject, '.mycli', 'plugins');
      const npmOptions = await dirs.npmOptions(registry.npmrcPath);
      const logged = registry.requests().length;
      const result = await installPlugins({
        specs: ['mycli-plugin-cjs'],
        pluginsDir,
        host: HOST,
        npmOptions,
        cwd: hostProject,
      });
      // the document read for the compatibility check is the one the tree is built from
      expect(await documentGets(registry.requests, logged, 'mycli-plugin-cjs')).toBe(1);
      expect(result.installed).toEqual([
        expect.objectContaining({
          name: 'mycli-plugin-cjs',
          version: '1.0.0',
          commands: ['cjs'],
          skippedScripts: [],
        }),
      ]);
      const record = readRecords(pluginsDir).plugins['mycli-plugin-cjs']!;
      expect(record).toMatchObject({
        spec: 'mycli-plugin-cjs',
        range: 'latest',
        source: 'registry',
        registry: `${registry.url}/`,
      });
      expect(record.integrity).toMatch(/^sha512-/);
      const resolveFrom = (dir: string) =>
        spawnSync(
          process.execPath,
          ['-p', `require(require.resolve('test-pkg', { paths: [${JSON.stringify(dir)}] })).version`],
          { encoding: 'utf8' },
        ).stdout.trim();
      expect(resolveFrom(record.location)).toBe('2.0.0');
      expect(resolveFrom(hostProject)).toBe('1.0.0');
      // peers on the host and framework are not downloaded
      expect(existsSync(join(record.location, '..', '@edict'))).toBe(false);
      expect(existsSync(join(record.location, '..', 'mycli'))).toBe(false);
    },
  );

  test(
    'installs an ESM plugin, runs its postInstall in the final folder ' +
      'and indexes absolute handler paths',
    async () => {
      const npmOptions = await dirs.npmOptions(registry.npmrcPath);
      const result = await installPlugins({
        specs: ['mycli-plugin-esm@^1.0.0'],
        pluginsDir: dirs.pluginsDir,
        host: HOST,
        npmOptions,
        allowScripts: true,
      });
      expect(result.installed[0]).toMatchObject({
        name: 'mycli-plugin-esm',
        version: '1.0.0',
        commands: ['esm'],
      });
      expect(result.installed[0]!.hooks.map((h) => h.hook)).toEqual(['postInstall']);
      const record = readRecords(dirs.pluginsDir).plugins['mycli-plugin-esm']!;
      expect(record.range).toBe('^1.0.0');
      expect(readFileSync(join(record.location, 'post-install-ran.txt'), 'utf8')).toBe(
        `mycli ${record.location}`,
      );
      const index = readPluginIndex(dirs.pluginsDir, HOST);
      const entry = index.plugins.find((p) => p.name === 'mycli-plugin-esm')!;
      expect(entry.moduleType).toBe('module');
      const group = entry.commands[0] as unknown as { children: { handler: string }[] };
      expect(group.children[0]!.handler).toBe(join(record.location, 'handlers', 'run.js'));
      expect(entry.hooks.postInstall).toBe(join(record.location, 'hooks', 'postInstall.js'));
    },
  );

  test('installs a scoped plugin with JSON definitions next to another plugin', async () => {
    const npmOptions = await dirs.npmOptions(registry.npmrcPath);
    await installPlugins({
      specs: ['mycli-plugin-cjs@1.0.0', '@acme/mycli-plugin-scoped@latest'],
      pluginsDir: dirs.pluginsDir,
      host: HOST,
      npmOptions,
    });
    const index = readPluginIndex(dirs.pluginsDir, HOST);
    expect(index.plugins.map((p) => [p.name, p.commands.map((c) => c.name)])).toEqual([
      ['@acme/mycli-plugin-scoped', ['acme']],
      ['mycli-plugin-cjs', ['cjs']],
    ]);
    const scoped = readRecords(dirs.pluginsDir).plugins['@acme/mycli-plugin-scoped']!;
    expect(scoped.location).toBe(join(scoped.folder!, 'node_modules', '@acme', 'mycli-plugin-scoped'));
    expect(
      scoped.folder!.startsWith(
        join(dirs.pluginsDir, 'installed', '@acme+mycli-plugin-scoped', `${scoped.version}-`),
      ),
    ).toBe(true);
    expect(existsSync(scoped.location)).toBe(true);
    expect(existsSync(join(dirs.pluginsDir, '.staging'))).toBe(false);
    expect(existsSync(join(dirs.pluginsDir, '.lock'))).toBe(false);
  });

  test('reinstalls every recorded plugin at its recorded version when given no specs', async () => {
    const npmOptions = await dirs.npmOptions(registry.npmrcPath);
    await installPlugins({
      specs: ['mycli-plugin-cjs'],
      pluginsDir: dirs.pluginsDir,
      host: HOST,
      npmOptions,
    });
    const before = readRecords(dirs.pluginsDir).plugins['mycli-plugin-cjs']!;
    const again = await installPlugins({ pluginsDir: dirs.pluginsDir, host: HOST, npmOptions });
    expect(again.installed).toEqual([
      expect.objectContaining({ name: 'mycli-plugin-cjs', version: '1.0.0', previousVersion: '1.0.0' }),
    ]);
    expect(readRecords(dirs.pluginsDir).plugins['mycli-plugin-cjs']).toMatchObject({
      spec: before.spec,
      range: before.range,
    });
  });

  test('installs what another plugins.json lists with --file', async () => {
    const npmOptions = await dirs.npmOptions(registry.npmrcPath);
    const other = makeDirs('other');
    try {
      await installPlugins({
        specs: ['@acme/mycli-plugin-scoped'],
        pluginsDir: other.pluginsDir,
        host: HOST,
        npmOptions,
      });
      const result = await installPlugins({
        file: join(other.pluginsDir, 'plugins.json'),
        pluginsDir: dirs.pluginsDir,
        host: HOST,
        npmOptions,
      });
      expect(result.installed.map((p) => `${p.name}@${p.version}`)).toEqual([
        '@acme/mycli-plugin-scoped@3.1.0',
      ]);
      expect(
        readRecords(dirs.pluginsDir).plugins['@acme/mycli-plugin-scoped']!.location.startsWith(
          dirs.pluginsDir,
        ),
      ).toBe(true);
    } finally {
      other.cleanup();
    }
  });
});
