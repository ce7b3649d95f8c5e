import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRegistry, type TestRegistry } from '../../../testing/src';
import { installPlugins } from '../../src/manage/installPlugins';
import { searchPlugins } from '../../src/npm/search';
import { makeDirs, type TestDirs } from '../helpers/env';
import { HOST, writeLibrary, writePlugin } from '../helpers/fixtures';

let registry: TestRegistry;
let dirs: TestDirs;

beforeAll(async () => {
  registry = await startRegistry({ requireAuth: true });
  const pub = makeDirs('publish');
  try {
    await registry.publish(writeLibrary(pub.fixtures, 'private-dep', '1.0.0'));
    await registry.publish(
      writePlugin(pub.fixtures, {
        name: '@corp/mycli-plugin-secret',
        version: '1.0.0',
        dependencies: { 'private-dep': '^1.0.0' },
      }),
    );
    await registry.publish(writePlugin(pub.fixtures, { name: 'mycli-plugin-other', version: '2.0.0' }));
    await registry.publish(
      writePlugin(pub.fixtures, { name: 'not-for-mycli', version: '1.0.0', keywords: ['othercli-plugin'] }),
    );
  } finally {
    pub.cleanup();
  }
});
afterAll(async () => {
  await registry?.stop();
});
beforeEach(() => {
  dirs = makeDirs('auth');
});
afterEach(() => dirs.cleanup());

test(
  'installs from a registry that requires a token, read from the ' + '.npmrc npm_config_userconfig names',
  async () => {
    const npmOptions = await dirs.npmOptions(registry.npmrcPath);
    const result = await installPlugins({
      specs: ['@corp/mycli-plugin-secret'],
      pluginsDir: dirs.pluginsDir,
      host: HOST,
      npmOptions,
    });
    expect(result.installed.map((p) => `${p.name}@${p.version}`)).toEqual([
      '@corp/mycli-plugin-secret@1.0.0',
    ]);
  },
);

test('without the token the registry refuses, and nothing is written', async () => {
  const npmrc = join(dirs.root, 'no-token.npmrc');
  writeFileSync(npmrc, `registry=${registry.url}/\n`);
  const npmOptions = await dirs.npmOptions(npmrc);
  const err = (await installPlugins({
    specs: ['@corp/mycli-plugin-secret'],
    pluginsDir: dirs.pluginsDir,
    host: HOST,
    npmOptions,
  }).catch((e: unknown) => e)) as { code: string; message: string };
  expect(err.code).toBe('EDICT_PLUGIN_FETCH_FAILED');
  expect(err.message).toContain('@corp/mycli-plugin-secret');
  expect(readdirSync(dirs.pluginsDir)).toEqual([]);
});

test('search finds only packages with the host plugin keyword', async () => {
  const npmOptions = await dirs.npmOptions(registry.npmrcPath);
  const hits = await searchPlugins({ hostName: 'mycli', npmOptions });
  expect(hits.map((h) => h.name).sort()).toEqual(['@corp/mycli-plugin-secret', 'mycli-plugin-other']);
  const narrowed = await searchPlugins({ hostName: 'mycli', term: 'secret', npmOptions });
  expect(narrowed.map((h) => h.name)).toEqual(['@corp/mycli-plugin-secret']);
});
