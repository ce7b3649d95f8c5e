import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRegistry, type TestRegistry } from '../../../testing/src';
import { acquireLock } from '../../src/store/lock';
import { installPlugins } from '../../src/manage/installPlugins';
import { listPlugins } from '../../src/manage/listPlugins';
import { uninstallPlugins } from '../../src/manage/uninstallPlugins';
import { updatePlugins } from '../../src/manage/updatePlugins';
import { readRecords } from '../../src/store/record';
import { documentGets, makeDirs, type TestDirs } from '../helpers/env';
import { HOST, writeLibrary, writePlugin } from '../helpers/fixtures';
import { npmPack } from '../helpers/npm';
import { hashTree } from '../helpers/tree';

let registry: TestRegistry;
let dirs: TestDirs;
let pub: TestDirs;

beforeAll(async () => {
  registry = await startRegistry();
  pub = makeDirs('publish');
  await registry.publish(writePlugin(pub.fixtures, { name: 'mycli-plugin-upd', version: '1.0.0' }));
  await registry.publish(
    writePlugin(pub.fixtures, {
      name: 'mycli-plugin-bye',
      version: '1.0.0',
      preUninstall: { markerDir: pub.root },
    }),
  );
  await registry.publish(
    writePlugin(pub.fixtures, { name: 'mycli-plugin-stubborn', version: '1.0.0', preUninstall: 'throw' }),
  );
  const script = `node -e "require('fs').writeFileSync('script-ran.txt', 'yes')"`;
  await registry.publish(
    writeLibrary(pub.fixtures, 'scripted-pkg', '1.0.0', { scripts: { postinstall: script } }),
  );
  await registry.publish(
    writePlugin(pub.fixtures, {
      name: 'mycli-plugin-scripted',
      version: '1.0.0',
      dependencies: { 'scripted-pkg': '1.0.0' },
    }),
  );
});
afterAll(async () => {
  await registry?.stop();
  pub?.cleanup();
});
beforeEach(() => {
  dirs = makeDirs('life');
});
afterEach(() => dirs.cleanup());

const opts = async () => ({
  pluginsDir: dirs.pluginsDir,
  host: HOST,
  npmOptions: await dirs.npmOptions(registry.npmrcPath),
});

test('update moves a plugin to the newest version inside its recorded range, and no further', async () => {
  const base = await opts();
  await installPlugins({ ...base, specs: ['mycli-plugin-upd@^1'] });
  expect(await updatePlugins(base)).toEqual([{ name: 'mycli-plugin-upd', from: '1.0.0', to: '1.0.0' }]);
  await registry.publish(writePlugin(pub.fixtures, { name: 'mycli-plugin-upd', version: '1.1.0' }));
  await registry.publish(writePlugin(pub.fixtures, { name: 'mycli-plugin-upd', version: '2.0.0' }));
  const logged = registry.requests().length;
  expect(await updatePlugins({ ...base, names: ['mycli-plugin-upd'] })).toEqual([
    { name: 'mycli-plugin-upd', from: '1.0.0', to: '1.1.0' },
  ]);
  // finding the newest version and installing it read the plugin's document once
  expect(await documentGets(registry.requests, logged, 'mycli-plugin-upd')).toBe(1);
  const record = readRecords(dirs.pluginsDir).plugins['mycli-plugin-upd']!;
  expect(record).toMatchObject({ version: '1.1.0', spec: 'mycli-plugin-upd@^1', range: '^1' });
  expect(JSON.parse(readFileSync(join(record.location, 'package.json'), 'utf8')).version).toBe('1.1.0');
  expect(await updatePlugins(base)).toEqual([{ name: 'mycli-plugin-upd', from: '1.1.0', to: '1.1.0' }]);
});

test('update of an unknown plugin names it and points to the list', async () => {
  const err = await updatePlugins({ ...(await opts()), names: ['nope'] }).catch(
    (e: unknown) => e as { code: string; hint: string },
  );
  expect(err).toMatchObject({ code: 'EDICT_PLUGIN_NOT_FOUND', hint: 'mycli plugins list' });
});

test('uninstall runs preUninstall, then removes the files, the record and the commands', async () => {
  const base = await opts();
  await installPlugins({ ...base, specs: ['mycli-plugin-bye', 'mycli-plugin-upd@1.0.0'] });
  const result = await uninstallPlugins({ ...base, names: ['mycli-plugin-bye'], allowScripts: true });
  expect(result.uninstalled.map((u) => [u.name, u.version, u.hooks.map((h) => h.hook)])).toEqual([
    ['mycli-plugin-bye', '1.0.0', ['preUninstall']],
  ]);
  expect(readFileSync(join(pub.root, 'pre-uninstall-1.0.0.txt'), 'utf8')).toBe('mycli-plugin-bye');
  expect(Object.keys(readRecords(dirs.pluginsDir).plugins)).toEqual(['mycli-plugin-upd']);
  expect(readdirSync(join(dirs.pluginsDir, 'installed'))).toEqual(['mycli-plugin-upd']);
  expect(readdirSync(join(dirs.pluginsDir, 'installed', 'mycli-plugin-upd'))).toHaveLength(1);
  expect(listPlugins(base).map((p) => [p.name, p.commands, p.health])).toEqual([
    ['mycli-plugin-upd', ['upd'], 'ok'],
  ]);
  expect(readdirSync(dirs.pluginsDir).sort()).toEqual(['index.json', 'installed', 'plugins.json']);
});

test('uninstall of an unknown plugin, or one whose preUninstall throws, changes nothing', async () => {
  const base = await opts();
  await installPlugins({ ...base, specs: ['mycli-plugin-stubborn'] });
  const before = hashTree(dirs.pluginsDir);
  const unknown = await uninstallPlugins({ ...base, names: ['mycli-plugin-ghost'] }).catch(
    (e: unknown) => e as { code: string; hint: string },
  );
  expect(unknown).toMatchObject({ code: 'EDICT_PLUGIN_NOT_FOUND', hint: 'mycli plugins list' });
  const hook = await uninstallPlugins({
    ...base,
    names: ['mycli-plugin-stubborn'],
    allowScripts: true,
  }).catch((e: unknown) => e as { code: string; message: string });
  expect(hook).toMatchObject({ code: 'EDICT_PLUGIN_HOOK_FAILED' });
  expect(hashTree(dirs.pluginsDir)).toBe(before);
  await uninstallPlugins({ ...base, names: ['mycli-plugin-stubborn'], allowScripts: true, force: true });
  expect(readRecords(dirs.pluginsDir).plugins).toEqual({});
});

test('install scripts of the plugin tree are skipped and reported unless allowed', async () => {
  const base = await opts();
  const skipped = await installPlugins({ ...base, specs: ['mycli-plugin-scripted'] });
  expect(skipped.installed[0]!.skippedScripts).toEqual([
    { name: 'scripted-pkg', version: '1.0.0', scripts: ['postinstall'] },
  ]);
  const dep = join(
    readRecords(dirs.pluginsDir).plugins['mycli-plugin-scripted']!.location,
    '..',
    'scripted-pkg',
  );
  expect(existsSync(join(dep, 'script-ran.txt'))).toBe(false);
  const allowed = await installPlugins({
    ...base,
    specs: ['mycli-plugin-scripted'],
    allowScripts: ['scripted-pkg'],
  });
  expect(allowed.installed[0]!.skippedScripts).toEqual([]);
  const allowedDep = join(
    readRecords(dirs.pluginsDir).plugins['mycli-plugin-scripted']!.location,
    '..',
    'scripted-pkg',
  );
  expect(readFileSync(join(allowedDep, 'script-ran.txt'), 'utf8')).toBe('yes');
});

test('installs from a local folder and from a packed .tgz', async () => {
  const base = await opts();
  const folder = writePlugin(dirs.fixtures, { name: 'mycli-plugin-local', version: '0.3.0', type: 'module' });
  await installPlugins({ ...base, specs: [folder] });
  let record = readRecords(dirs.pluginsDir).plugins['mycli-plugin-local']!;
  expect(record).toMatchObject({ source: 'folder', spec: folder, version: '0.3.0' });
  // a copy, not a link to the author's folder
  expect(readFileSync(join(record.location, 'commands.js'), 'utf8')).toContain('export const commands');
  expect(record.location.startsWith(dirs.pluginsDir)).toBe(true);
  writeFileSync(
    join(folder, 'package.json'),
    readFileSync(join(folder, 'package.json'), 'utf8').replace('"0.3.0"', '"0.4.0"'),
  );
  const tgz = npmPack(folder, join(dirs.root, 'pack-cache'));
  const result = await installPlugins({ ...base, specs: [tgz] });
  expect(result.installed[0]).toMatchObject({
    name: 'mycli-plugin-local',
    version: '0.4.0',
    previousVersion: '0.3.0',
  });
  record = readRecords(dirs.pluginsDir).plugins['mycli-plugin-local']!;
  expect(record).toMatchObject({ source: 'tarball', spec: tgz });
  expect(listPlugins(base)).toEqual([
    expect.objectContaining({
      name: 'mycli-plugin-local',
      version: '0.4.0',
      health: 'ok',
      commands: ['local'],
    }),
  ]);
});

test(
  'a second operation while one runs is refused with the holder ' + 'named, and a stale lock is taken over',
  async () => {
    const base = await opts();
    const first = installPlugins({ ...base, specs: ['mycli-plugin-upd@1.0.0'] });
    const second = (await installPlugins({ ...base, specs: ['mycli-plugin-bye'] }).catch(
      (e: unknown) => e,
    )) as { code: string; message: string };
    expect(second).toMatchObject({ code: 'EDICT_PLUGINS_LOCKED' });
    expect(second.message).toContain(`pid ${process.pid}`);
    await first;
    // a lock held by another live process
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      writeFileSync(
        join(dirs.pluginsDir, '.lock'),
        JSON.stringify({ pid: holder.pid, startedAt: new Date().toISOString(), operation: 'install' }),
      );
      expect(() => acquireLock(dirs.pluginsDir, 'update', 'mycli')).toThrow(
        expect.objectContaining({ code: 'EDICT_PLUGINS_LOCKED' }),
      );
    } finally {
      holder.kill();
      await new Promise((r) => holder.once('exit', r));
    }
    // the holder is gone: its lock is stale
    const result = await uninstallPlugins({ ...base, names: ['mycli-plugin-upd'] });
    expect(result.uninstalled.map((u) => u.name)).toEqual(['mycli-plugin-upd']);
    expect(existsSync(join(dirs.pluginsDir, '.lock'))).toBe(false);
  },
);

test('installs from a tarball URL and reports progress through the callback', async () => {
  const base = await opts();
  const url = `${registry.url}/mycli-plugin-upd/-/mycli-plugin-upd-1.0.0.tgz`;
  const phases: string[] = [];
  const result = await installPlugins({ ...base, specs: [url], onProgress: (e) => phases.push(e.phase) });
  expect(result.installed.map((p) => `${p.name}@${p.version}`)).toEqual(['mycli-plugin-upd@1.0.0']);
  expect(readRecords(dirs.pluginsDir).plugins['mycli-plugin-upd']).toMatchObject({
    source: 'url',
    spec: url,
  });
  expect([...new Set(phases)]).toEqual(['resolve', 'fetch', 'scripts', 'validate', 'commit']);
  expect(await updatePlugins(base)).toEqual([
    {
      name: 'mycli-plugin-upd',
      from: '1.0.0',
      to: '1.0.0',
      note: 'installed from a url; reinstall it to update',
    },
  ]);
});
