import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HostInfo, ProfileTypeDefinition } from '@edict/core';
import { startRegistry, type TestRegistry } from '../../../testing/src';
import { allProfileTypes } from '../../src/install/configSchema';
import { buildIndex } from '../../src/index-file/buildIndex';
import { readPluginIndex } from '../../src/index-file/readPluginIndex';
import { installPlugins, type InstallOptions } from '../../src/manage/installPlugins';
import { uninstallPlugins } from '../../src/manage/uninstallPlugins';
import { installedPlugins } from '../../src/runtime/installedPlugins';
import { readRecords } from '../../src/store/record';
import type { PluginHost } from '../../src/types';
import { makeDirs, type TestDirs } from '../helpers/env';
import { HOST, writePlugin } from '../helpers/fixtures';
import { hashTree } from '../helpers/tree';

const base: ProfileTypeDefinition = { type: 'base', properties: { host: { type: 'string' } } };
const greeter: ProfileTypeDefinition = {
  type: 'greeter',
  properties: { greeting: { type: 'string' }, token: { type: 'string', secure: true } },
};

let registry: TestRegistry;
let dirs: TestDirs;
let host: PluginHost;
let opts: Pick<InstallOptions, 'pluginsDir' | 'host' | 'npmOptions'>;

beforeAll(async () => {
  registry = await startRegistry();
  const pub = makeDirs('publish-types');
  try {
    const publish = (f: Parameters<typeof writePlugin>[1]) => registry.publish(writePlugin(pub.fixtures, f));
    await publish({
      name: 'mycli-plugin-greeter',
      version: '1.0.0',
      profileTypes: [greeter],
      profile: { optional: ['greeter', 'base'] },
    });
    await publish({ name: 'mycli-plugin-rival', version: '1.0.0', profileTypes: [greeter] });
    await publish({ name: 'mycli-plugin-based', version: '1.0.0', profileTypes: [base] });
    await publish({
      name: 'mycli-plugin-malformed',
      version: '1.0.0',
      profileTypes: [{ type: 'Bad', properties: { token: { type: 'secret' } } }],
    });
  } finally {
    pub.cleanup();
  }
});
afterAll(async () => {
  await registry?.stop();
});
beforeEach(async () => {
  dirs = makeDirs('types');
  host = { ...HOST, profileTypes: [base], configDir: join(dirs.root, 'config') };
  opts = { pluginsDir: dirs.pluginsDir, host, npmOptions: await dirs.npmOptions(registry.npmrcPath) };
});
afterEach(() => dirs.cleanup());

type Schema = {
  properties: { defaults: { properties: Record<string, unknown> } };
  $defs: { profile: { properties: { type: { enum: string[] } } } };
};
const schemaTypes = (): string[] => {
  const file = join(host.configDir!, 'mycli.schema.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as Schema).$defs.profile.properties.type.enum;
};

/** The core HostInfo a run would hand the installed-plugins source. */
const hostInfo = (): HostInfo => ({
  name: 'mycli',
  version: HOST.version,
  packageName: 'mycli',
  home: dirs.root,
  dirs: { data: dirs.root, config: host.configDir!, cache: dirs.root },
  envPrefix: 'MYCLI',
  env: { MYCLI_PLUGINS_DIR: dirs.pluginsDir },
  cwd: dirs.root,
  builtinNames: [...HOST.builtinNames],
  profileTypes: [base],
});

describe('profile types declared by plugins', () => {
  test('installing records its types, exposes them from the index and adds them to the schema', async () => {
    const result = await installPlugins({ ...opts, specs: ['mycli-plugin-greeter'] });
    expect(result.installed[0]!.profileTypes).toEqual(['greeter']);
    expect(readRecords(dirs.pluginsDir).plugins['mycli-plugin-greeter']!.ownsProfileTypes).toEqual([
      'greeter',
    ]);
    expect(readPluginIndex(dirs.pluginsDir, host).plugins[0]!.profileTypes).toEqual([greeter]);
    const loaded = await installedPlugins().load(hostInfo());
    expect(loaded.profileTypes).toEqual([greeter]);
    expect(schemaTypes()).toEqual(['base', 'greeter']);
  });

  test('uninstalling the plugin takes its types out of the schema', async () => {
    await installPlugins({ ...opts, specs: ['mycli-plugin-greeter'] });
    await uninstallPlugins({ ...opts, names: ['mycli-plugin-greeter'] });
    expect(schemaTypes()).toEqual(['base']);
    expect((await installedPlugins().load(hostInfo())).profileTypes).toEqual([]);
  });

  test('a type of another plugin is refused at install, nothing changes, hint uninstalls it', async () => {
    await installPlugins({ ...opts, specs: ['mycli-plugin-greeter'] });
    const before = hashTree(dirs.pluginsDir);
    const schemaBefore = readFileSync(join(host.configDir!, 'mycli.schema.json'), 'utf8');
    const err = (await installPlugins({ ...opts, specs: ['mycli-plugin-rival'] }).catch(
      (e: unknown) => e,
    )) as {
      code: string;
      message: string;
      hint: string;
    };
    expect(err.code).toBe('EDICT_PLUGIN_INVALID');
    expect(err.message).toContain(
      'profile type "greeter" is already declared by plugin mycli-plugin-greeter',
    );
    expect(err.hint).toBe(
      'Uninstall the plugin it collides with first: mycli plugins uninstall mycli-plugin-greeter',
    );
    expect(hashTree(dirs.pluginsDir)).toBe(before);
    expect(readFileSync(join(host.configDir!, 'mycli.schema.json'), 'utf8')).toBe(schemaBefore);
  });

  test('a type the CLI itself declares is refused at install', async () => {
    await installPlugins({ ...opts, specs: ['mycli-plugin-greeter'] });
    const before = hashTree(dirs.pluginsDir);
    const err = (await installPlugins({ ...opts, specs: ['mycli-plugin-based'] }).catch(
      (e: unknown) => e,
    )) as {
      code: string;
      message: string;
    };
    expect(err.code).toBe('EDICT_PLUGIN_INVALID');
    expect(err.message).toContain('profile type "base" is already declared by the CLI itself');
    expect(hashTree(dirs.pluginsDir)).toBe(before);
  });

  test('a manifest with a malformed profile type is refused, listing each problem', async () => {
    const err = (await installPlugins({ ...opts, specs: ['mycli-plugin-malformed'] }).catch(
      (e: unknown) => e,
    )) as { code: string; message: string };
    expect(err.code).toBe('EDICT_PLUGIN_INVALID');
    expect(err.message).toContain('profile type "Bad": "type" must be a lower-case word');
    expect(err.message).toContain('profile type "Bad": property "token": "type" must be one of');
    expect(readRecords(dirs.pluginsDir).plugins).toEqual({});
  });

  test('a type the CLI declares later is skipped with a warning, used again once it drops it', async () => {
    await installPlugins({ ...opts, specs: ['mycli-plugin-greeter'] });
    const upgraded: PluginHost = { ...host, version: '0.1.1', profileTypes: [base, greeter] };
    const index = buildIndex(dirs.pluginsDir, upgraded);
    expect(index.warnings).toEqual([
      'profile type "greeter" of plugin mycli-plugin-greeter is skipped: the CLI already declares it',
    ]);
    expect(index.plugins[0]!.profileTypeConflicts).toEqual(['greeter']);
    expect(allProfileTypes(upgraded, index).map((t) => t.type)).toEqual(['base', 'greeter']);
    const back = buildIndex(dirs.pluginsDir, host, index);
    expect(back.warnings).toEqual([]);
    expect(allProfileTypes(host, back)).toEqual([base, greeter]);
  });

  test('a config folder that cannot take the schema warns and the install still succeeds', async () => {
    mkdirSync(dirs.root, { recursive: true });
    writeFileSync(host.configDir!, 'a file where the config folder belongs');
    const result = await installPlugins({ ...opts, specs: ['mycli-plugin-greeter'] });
    expect(result.installed[0]!.warnings.join('\n')).toMatch(
      /the config schema .*mycli\.schema\.json could not be written/,
    );
    expect(readRecords(dirs.pluginsDir).plugins['mycli-plugin-greeter']).toBeDefined();
  });
});
