import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startRegistry, type TestRegistry } from '../../../testing/src';
import { installPlugins, type InstallOptions } from '../../src/manage/installPlugins';
import { readRecords } from '../../src/store/record';
import { makeDirs, type TestDirs } from '../helpers/env';
import { HOST, writePlugin } from '../helpers/fixtures';
import { npmPack } from '../helpers/npm';
import { hashTree } from '../helpers/tree';

let registry: TestRegistry;
let dirs: TestDirs;
let base: Pick<InstallOptions, 'pluginsDir' | 'host' | 'npmOptions'>;

beforeAll(async () => {
  registry = await startRegistry();
  const pub = makeDirs('publish');
  try {
    const publish = (f: Parameters<typeof writePlugin>[1]) => registry.publish(writePlugin(pub.fixtures, f));
    await publish({ name: 'mycli-plugin-good', version: '1.0.0' });
    await publish({ name: 'mycli-plugin-hooked', version: '1.0.0' });
    await publish({ name: 'mycli-plugin-hooked', version: '2.0.0', postInstall: 'throw' });
    await publish({ name: 'mycli-plugin-broken', version: '1.0.0', missingHandler: true });
    await publish({
      name: 'mycli-plugin-future',
      version: '1.0.0',
      peerDependencies: { '@edict/core': '^0.1.0', mycli: '^2.0.0' },
    });
    await publish({ name: 'mycli-plugin-newnode', version: '1.0.0', engines: { node: '>=99' } });
    await publish({ name: 'mycli-plugin-plain', version: '1.0.0', noEdict: true });
    await publish({ name: 'mycli-plugin-clash', version: '1.0.0', group: 'config' });
    await publish({ name: 'mycli-plugin-copycat', version: '1.0.0', group: 'good' });
    await publish({ name: 'mycli', version: '0.1.0' });
    await publish({ name: 'mycli-plugin-tampered', version: '1.0.0' });
    // replace the stored tarball with another valid one: its integrity no longer matches
    const impostor = npmPack(
      writePlugin(pub.fixtures, { name: 'mycli-plugin-tampered', version: '1.0.0', group: 'evil' }),
      join(pub.root, 'cache'),
    );
    copyFileSync(
      impostor,
      join(registry.storageDir, 'mycli-plugin-tampered', 'mycli-plugin-tampered-1.0.0.tgz'),
    );
  } finally {
    pub.cleanup();
  }
});
afterAll(async () => {
  await registry?.stop();
});
// Every refusal runs against the same plugins folder: each must leave it exactly as it was.
beforeAll(async () => {
  dirs = makeDirs('fail');
  base = { pluginsDir: dirs.pluginsDir, host: HOST, npmOptions: await dirs.npmOptions(registry.npmrcPath) };
  await installPlugins({ ...base, specs: ['mycli-plugin-good', 'mycli-plugin-hooked@1.0.0'] });
});
afterAll(() => dirs?.cleanup());

/** Installs `specs`, expects the error `code`, and checks the plugins folder did not change at all. */
async function expectRefusal(
  specs: string[],
  code: string,
  extra: Partial<InstallOptions> = {},
): Promise<Error & { code: string; message: string }> {
  const before = hashTree(dirs.pluginsDir);
  const err = await installPlugins({ ...base, ...extra, specs }).then(
    () => undefined,
    (e: unknown) => e as Error & { code: string },
  );
  expect(err?.code).toBe(code);
  expect(hashTree(dirs.pluginsDir)).toBe(before);
  expect(readRecords(dirs.pluginsDir).plugins['mycli-plugin-hooked']!.version).toBe('1.0.0');
  return err!;
}

describe('a failed install leaves the plugins folder byte-identical', () => {
  test('a package the registry does not have', async () => {
    const err = await expectRefusal(['mycli-plugin-nonexistent'], 'EDICT_PACKAGE_NOT_FOUND');
    expect(err.message).toContain('mycli-plugin-nonexistent');
  });

  test('a version the registry does not have', async () => {
    await expectRefusal(['mycli-plugin-good@^5'], 'EDICT_PACKAGE_NOT_FOUND');
  });

  test('a tarball whose integrity does not match the registry metadata', async () => {
    await expectRefusal(['mycli-plugin-tampered'], 'EDICT_PLUGIN_INTEGRITY');
  });

  test('a plugin whose handler file is missing', async () => {
    const err = await expectRefusal(['mycli-plugin-broken'], 'EDICT_PLUGIN_INVALID');
    expect(err.message).toContain('handlers/nope.js');
  });

  test('a new version whose postInstall throws keeps the old version installed', async () => {
    const err = await expectRefusal(['mycli-plugin-hooked@2.0.0'], 'EDICT_PLUGIN_HOOK_FAILED', {
      allowScripts: true,
    });
    expect(err.message).toContain('postInstall refuses');
    const location = readRecords(dirs.pluginsDir).plugins['mycli-plugin-hooked']!.location;
    expect(existsSync(join(location, 'hooks'))).toBe(false);
  });

  test('a batch where one plugin fails installs none of them', async () => {
    await expectRefusal(['mycli-plugin-copycat', 'mycli-plugin-broken'], 'EDICT_PLUGIN_INVALID');
  });

  test('a command name a built-in command has', async () => {
    const err = await expectRefusal(['mycli-plugin-clash'], 'EDICT_PLUGIN_INVALID');
    expect(err.message).toContain('"config" is already provided by the CLI itself');
  });

  test('a command name another plugin has', async () => {
    const err = await expectRefusal(['mycli-plugin-copycat'], 'EDICT_PLUGIN_INVALID');
    expect(err.message).toContain('plugin mycli-plugin-good');
  });

  test('a package without an edict field', async () => {
    await expectRefusal(['mycli-plugin-plain'], 'EDICT_NOT_A_PLUGIN');
  });

  test('the host CLI itself', async () => {
    await expectRefusal(['mycli'], 'EDICT_PLUGIN_REFUSED');
  });
});

describe('compatibility is checked before the tarball is fetched', () => {
  const tarballFetches = (name: string) => registry.requests().filter((r) => r.url.startsWith(`/${name}/-/`));

  test(
    'refuses a plugin whose peer range excludes the host, naming ' + 'both versions, without downloading it',
    async () => {
      const err = await expectRefusal(['mycli-plugin-future'], 'EDICT_PLUGIN_INCOMPATIBLE');
      expect(err.message).toContain('mycli ^2.0.0');
      expect(err.message).toContain('mycli 0.1.0');
      expect(registry.requests().some((r) => r.url === '/mycli-plugin-future')).toBe(true);
      expect(tarballFetches('mycli-plugin-future')).toEqual([]);
    },
  );

  test('refuses a plugin whose engines.node excludes this Node', async () => {
    const err = await expectRefusal(['mycli-plugin-newnode'], 'EDICT_PLUGIN_INCOMPATIBLE');
    expect(err.message).toContain(`node >=99 is required but this is node ${process.versions.node}`);
  });

  test('installs an incompatible plugin with force', async () => {
    const own = makeDirs('force');
    try {
      const result = await installPlugins({
        ...base,
        pluginsDir: own.pluginsDir,
        specs: ['mycli-plugin-future'],
        force: true,
      });
      expect(result.installed.map((p) => p.name)).toEqual(['mycli-plugin-future']);
      expect(tarballFetches('mycli-plugin-future').length).toBeGreaterThan(0);
      expect(readdirSync(own.pluginsDir).sort()).toEqual(['index.json', 'installed', 'plugins.json']);
    } finally {
      own.cleanup();
    }
  });
});
