import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { linkPlugin, unlinkPlugin } from '../../src/manage/linkPlugin';
import { listPlugins } from '../../src/manage/listPlugins';
import { readPluginIndex } from '../../src/index-file/readPluginIndex';
import { readRecords } from '../../src/store/record';
import { makeDirs, type TestDirs } from '../helpers/env';
import { HOST, writePlugin } from '../helpers/fixtures';
import { parseIndex } from '../../src/index-file/indexFormat';

let dirs: TestDirs;
beforeEach(() => {
  dirs = makeDirs('link');
});
afterEach(() => dirs.cleanup());

test('links a plugin folder, and the index picks up edits to its definitions', async () => {
  const folder = writePlugin(dirs.fixtures, { name: 'mycli-plugin-dev', version: '0.0.1' });
  const result = await linkPlugin({ folder, pluginsDir: dirs.pluginsDir, host: HOST });
  expect(result).toMatchObject({
    name: 'mycli-plugin-dev',
    version: '0.0.1',
    location: folder,
    commands: ['dev'],
  });
  expect(readRecords(dirs.pluginsDir).plugins['mycli-plugin-dev']).toMatchObject({
    source: 'link',
    location: folder,
  });
  const index = readPluginIndex(dirs.pluginsDir, HOST);
  expect(index.plugins[0]!.linked!.definitionsFile).toBe(join(folder, 'commands.js'));
  // the author renames the group
  const file = join(folder, 'commands.js');
  writeFileSync(file, readFileSync(file, 'utf8').replace('"name": "dev"', '"name": "devtools"'));
  const later = new Date(Date.now() + 5000);
  utimesSync(file, later, later);
  expect(readPluginIndex(dirs.pluginsDir, HOST).plugins[0]!.commands.map((c) => c.name)).toEqual([
    'devtools',
  ]);
  expect(
    parseIndex(readFileSync(join(dirs.pluginsDir, 'index.json'), 'utf8'))!.plugins[0]!.commands[0]!.name,
  ).toBe('devtools');
  expect(listPlugins({ pluginsDir: dirs.pluginsDir, host: HOST })).toEqual([
    expect.objectContaining({
      name: 'mycli-plugin-dev',
      source: 'link',
      health: 'ok',
      commands: ['devtools'],
    }),
  ]);
  expect(await unlinkPlugin({ name: 'mycli-plugin-dev', pluginsDir: dirs.pluginsDir, host: HOST })).toEqual({
    name: 'mycli-plugin-dev',
    location: folder,
  });
  expect(readPluginIndex(dirs.pluginsDir, HOST).plugins).toEqual([]);
  // the author's folder is left alone
  expect(readFileSync(file, 'utf8')).toContain('devtools');
});

test('refuses to link an invalid plugin folder, naming the problems', async () => {
  const folder = writePlugin(dirs.fixtures, {
    name: 'mycli-plugin-bad',
    version: '0.0.1',
    missingHandler: true,
  });
  const err = (await linkPlugin({ folder, pluginsDir: dirs.pluginsDir, host: HOST }).catch(
    (e: unknown) => e,
  )) as { code: string; message: string };
  expect(err.code).toBe('EDICT_PLUGIN_INVALID');
  expect(err.message).toContain('handlers/nope.js');
  expect(readRecords(dirs.pluginsDir).plugins).toEqual({});
});

test('unlinking a name that is not linked points to the list', async () => {
  await expect(
    unlinkPlugin({ name: 'ghost', pluginsDir: dirs.pluginsDir, host: HOST }),
  ).rejects.toMatchObject({ code: 'EDICT_PLUGIN_NOT_FOUND', hint: 'mycli plugins list' });
});
