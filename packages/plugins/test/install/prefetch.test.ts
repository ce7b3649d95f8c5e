import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startRegistry, type RegistryRequest, type TestRegistry } from '../../../testing/src';
import { loadPacote, type Manifest } from '../../src/heavy';
import { prefetchPackuments } from '../../src/install/prefetch';
import { stagePlugin } from '../../src/install/stage';
import { installPlugins } from '../../src/manage/installPlugins';
import type { NpmOptions } from '../../src/types';
import { readRecords } from '../../src/store/record';
import { makeDirs, type TestDirs } from '../helpers/env';
import { HOST, writeLibrary, writePlugin } from '../helpers/fixtures';
import { hashTree } from '../helpers/tree';

let registry: TestRegistry;
let dirs: TestDirs;
let npmOptions: NpmOptions;

// pf-b@1.1.0 is what ^1.0.0 picks; only 1.0.0 depends on pf-old.
beforeAll(async () => {
  registry = await startRegistry();
  const pub = makeDirs('publish');
  try {
    const lib = (name: string, version: string, extra: Parameters<typeof writeLibrary>[3] = {}) =>
      registry.publish(writeLibrary(pub.fixtures, name, version, extra));
    await lib('pf-old', '1.0.0');
    await lib('pf-c', '2.0.0');
    await lib('pf-peer', '1.0.0');
    await lib('pf-b', '1.0.0', { dependencies: { 'pf-old': '^1.0.0' } });
    await lib('pf-b', '1.1.0', { dependencies: { 'pf-c': '^2.0.0' } });
    await lib('pf-a', '1.0.0', {
      dependencies: { 'pf-b': '^1.0.0' },
      peerDependencies: { 'pf-peer': '^1.0.0' },
    });
    const peers = { '@edict/core': '^0.1.0', mycli: '^0.1.0', 'pf-peer': '^1.0.0' };
    await registry.publish(
      writePlugin(pub.fixtures, {
        name: 'mycli-plugin-pf',
        version: '1.0.0',
        dependencies: { 'pf-a': '^1.0.0', 'pf-c': '2.0.0' },
        peerDependencies: peers,
      }),
    );
    await registry.publish(
      writePlugin(pub.fixtures, {
        name: 'mycli-plugin-pf-two',
        version: '1.0.0',
        dependencies: { 'pf-a': '^1.0.0' },
      }),
    );
    await registry.publish(
      writePlugin(pub.fixtures, {
        name: 'mycli-plugin-pf-gap',
        version: '1.0.0',
        dependencies: { 'pf-a': '^1.0.0', 'pf-nowhere': '^1.0.0' },
      }),
    );
    await registry.publish(
      writePlugin(pub.fixtures, {
        name: 'mycli-plugin-pf-opt',
        version: '1.0.0',
        dependencies: { 'pf-c': '2.0.0' },
        optionalDependencies: { 'pf-nowhere': '^1.0.0' },
      }),
    );
  } finally {
    pub.cleanup();
  }
});
afterAll(async () => {
  await registry?.stop();
});
beforeEach(async () => {
  dirs = makeDirs('prefetch');
  npmOptions = await dirs.npmOptions(registry.npmrcPath);
});
afterEach(() => dirs.cleanup());

/** The requests served since log position `from`, once the access log has caught up. */
async function servedSince(from: number): Promise<RegistryRequest[]> {
  return (await registry.caughtUp()).slice(from);
}

const documentsAsked = (log: RegistryRequest[]) =>
  log
    .filter((r) => r.method === 'GET' && !r.url.includes('/-/'))
    .map((r) => r.url)
    .sort();
const key = (name: string) => `full:${registry.url}/${name}`;

async function pluginManifest(name: string, cache: Map<string, unknown>): Promise<Manifest> {
  return loadPacote().manifest(name, { ...npmOptions, fullMetadata: true, packumentCache: cache });
}

/** Reads `name`'s manifest into a new cache (as the compatibility check does), then starts the walk. */
async function walk(name: string) {
  const cache = new Map<string, unknown>();
  const manifest = await pluginManifest(name, cache);
  const from = registry.requests().length;
  return { cache, manifest, from, prefetch: prefetchPackuments(manifest, npmOptions, cache) };
}

describe('prefetchPackuments', () => {
  test(
    'fetches the document of each package the picked versions depend ' + 'on, and no peer or unpicked one',
    async () => {
      const { cache, from, prefetch } = await walk('mycli-plugin-pf');
      await prefetch.done;
      expect([...cache.keys()].sort()).toEqual(['mycli-plugin-pf', 'pf-a', 'pf-b', 'pf-c'].map(key));
      // answers replace the in-flight promises
      for (const doc of cache.values()) expect(doc).not.toBeInstanceOf(Promise);
      expect(documentsAsked(await servedSince(from))).toEqual(['/pf-a', '/pf-b', '/pf-c']);
    },
  );

  test('feeds the tree build: arborist asks the registry for no document again', async () => {
    const { cache, manifest, from, prefetch } = await walk('mycli-plugin-pf');
    // the build starts while the walk is still under way, as an install does
    await prefetch.started;
    const stage = await stagePlugin({
      pluginsDir: dirs.pluginsDir,
      manifest,
      dependencySpec: manifest.version,
      npmOptions: { ...npmOptions, packumentCache: cache },
      scripts: false,
      spec: 'mycli-plugin-pf',
      hostName: HOST.name,
    });
    await prefetch.done;
    const log = await servedSince(from);
    expect(documentsAsked(log)).toEqual(['/pf-a', '/pf-b', '/pf-c']);
    expect(
      log
        .filter((r) => r.url.includes('/-/'))
        .map((r) => r.url.split('/-/')[1])
        .sort(),
    ).toEqual(['mycli-plugin-pf-1.0.0.tgz', 'pf-a-1.0.0.tgz', 'pf-b-1.1.0.tgz', 'pf-c-2.0.0.tgz']);
    const installed = readdirSync(join(stage.project, 'node_modules'))
      .filter((n) => !n.startsWith('.'))
      .sort();
    expect(installed).toEqual(['mycli-plugin-pf', 'pf-a', 'pf-b', 'pf-c']);
  });

  test('after stop, follows no answer to its dependencies', async () => {
    const { cache, from, prefetch } = await walk('mycli-plugin-pf');
    prefetch.stop();
    await prefetch.done;
    expect(documentsAsked(await servedSince(from))).toEqual(['/pf-a', '/pf-c']);
    expect(cache.has(key('pf-b'))).toBe(false);
  });

  test(
    'keeps the failed request of a document the registry does not ' + 'have, for the tree build to fail with',
    async () => {
      const cache = new Map<string, unknown>();
      const manifest = await pluginManifest('mycli-plugin-pf-gap', cache);
      await prefetchPackuments(manifest, npmOptions, cache).done;
      await expect(cache.get(key('pf-nowhere'))).rejects.toMatchObject({ code: 'E404' });
      expect(cache.has(key('pf-c'))).toBe(true);
    },
  );

  test('skips a dependency whose registry URL pacote cannot use, leaving it to arborist', async () => {
    const manifest = { name: 'x', version: '1.0.0', dependencies: { '@bad/lib': '^1.0.0', 'pf-c': '2.0.0' } };
    const cache = new Map<string, unknown>();
    const prefetch = prefetchPackuments(manifest, { ...npmOptions, '@bad:registry': 'not a url' }, cache);
    await prefetch.done;
    expect([...cache.keys()]).toEqual([key('pf-c')]);
  });

  test('has nothing to fetch for a plugin without dependencies', async () => {
    const prefetch = prefetchPackuments(
      { name: 'x', version: '1.0.0', dependencies: { local: 'file:../local' } },
      npmOptions,
      new Map(),
    );
    await expect(Promise.all([prefetch.started, prefetch.done])).resolves.toEqual([undefined, undefined]);
  });
});

describe('installs with prefetched documents', () => {
  test('two plugins that share dependencies ask for each document once', async () => {
    const from = registry.requests().length;
    const result = await installPlugins({
      specs: ['mycli-plugin-pf', 'mycli-plugin-pf-two'],
      pluginsDir: dirs.pluginsDir,
      host: HOST,
      npmOptions,
    });
    expect(result.installed.map((p) => p.name)).toEqual(['mycli-plugin-pf', 'mycli-plugin-pf-two']);
    expect(documentsAsked(await servedSince(from))).toEqual([
      '/mycli-plugin-pf',
      '/mycli-plugin-pf-two',
      '/pf-a',
      '/pf-b',
      '/pf-c',
    ]);
    expect(
      existsSync(
        join(
          readRecords(dirs.pluginsDir).plugins['mycli-plugin-pf-two']!.folder!,
          'node_modules',
          'pf-c',
          'package.json',
        ),
      ),
    ).toBe(true);
  });

  test(
    'a dependency the registry does not have fails the install with ' + 'its name and changes nothing',
    async () => {
      await installPlugins({
        specs: ['mycli-plugin-pf-two'],
        pluginsDir: dirs.pluginsDir,
        host: HOST,
        npmOptions,
      });
      const before = hashTree(dirs.pluginsDir);
      const err = (await installPlugins({
        specs: ['mycli-plugin-pf-gap'],
        pluginsDir: dirs.pluginsDir,
        host: HOST,
        npmOptions,
      }).catch((e: unknown) => e)) as { code: string; message: string };
      expect(err.code).toBe('EDICT_PACKAGE_NOT_FOUND');
      expect(err.message).toContain('pf-nowhere');
      expect(hashTree(dirs.pluginsDir)).toBe(before);
    },
  );

  test('an optional dependency the registry does not have is left out', async () => {
    const result = await installPlugins({
      specs: ['mycli-plugin-pf-opt'],
      pluginsDir: dirs.pluginsDir,
      host: HOST,
      npmOptions,
    });
    expect(result.installed[0]).toMatchObject({ name: 'mycli-plugin-pf-opt', version: '1.0.0' });
    const modules = join(
      readRecords(dirs.pluginsDir).plugins['mycli-plugin-pf-opt']!.folder!,
      'node_modules',
    );
    expect(existsSync(join(modules, 'pf-c'))).toBe(true);
    expect(existsSync(join(modules, 'pf-nowhere'))).toBe(false);
  });
});
