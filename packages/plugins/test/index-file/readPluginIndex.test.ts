import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { linkPlugin } from '../../src/manage/linkPlugin';
import { listPlugins } from '../../src/manage/listPlugins';
import { parseIndex } from '../../src/index-file/indexFormat';
import { readPluginIndex } from '../../src/index-file/readPluginIndex';
import { makeDirs, type TestDirs } from '../helpers/env';
import { HOST, writePlugin } from '../helpers/fixtures';

let dirs: TestDirs;
beforeEach(async () => {
  dirs = makeDirs('index');
  await linkPlugin({
    folder: writePlugin(dirs.fixtures, { name: 'mycli-plugin-a', version: '1.0.0' }),
    pluginsDir: dirs.pluginsDir,
    host: HOST,
  });
  await linkPlugin({
    folder: writePlugin(dirs.fixtures, { name: 'mycli-plugin-b', version: '1.0.0', type: 'module' }),
    pluginsDir: dirs.pluginsDir,
    host: HOST,
  });
});
afterEach(() => dirs.cleanup());

const indexPath = () => join(dirs.pluginsDir, 'index.json');

test('an empty plugins folder has an empty index and nothing is written', () => {
  const empty = makeDirs('empty');
  try {
    expect(readPluginIndex(empty.pluginsDir, HOST)).toMatchObject({ plugins: [], warnings: [] });
  } finally {
    empty.cleanup();
  }
});

test('a fresh index is read as it is', () => {
  // the header is the first line; the plugins' definitions follow it
  const text = readFileSync(indexPath(), 'utf8');
  const headerEnd = text.indexOf('\n');
  const marked = JSON.parse(text.slice(0, headerEnd));
  marked.warnings = ['marker from the file'];
  writeFileSync(indexPath(), JSON.stringify(marked) + text.slice(headerEnd));
  expect(readPluginIndex(dirs.pluginsDir, HOST).warnings).toEqual(['marker from the file']);
});

test('a corrupt or missing index is rebuilt from the record and rewritten', () => {
  writeFileSync(indexPath(), '{ not json');
  expect(readPluginIndex(dirs.pluginsDir, HOST).plugins.map((p) => p.name)).toEqual([
    'mycli-plugin-a',
    'mycli-plugin-b',
  ]);
  expect(parseIndex(readFileSync(indexPath()))!.plugins).toHaveLength(2);
  rmSync(indexPath());
  expect(readPluginIndex(dirs.pluginsDir, HOST).plugins.map((p) => [p.name, p.moduleType])).toEqual([
    ['mycli-plugin-a', 'commonjs'],
    ['mycli-plugin-b', 'module'],
  ]);
});

test('a new host version the plugin does not support drops its commands with a warning', () => {
  const v2 = { ...HOST, version: '2.0.0' };
  const index = readPluginIndex(dirs.pluginsDir, v2);
  expect(index.plugins).toEqual([]);
  expect(index.hostVersion).toBe('2.0.0');
  expect(index.warnings[0]).toContain(
    'plugin mycli-plugin-a@1.0.0 is incompatible: mycli ^0.1.0 is required but this is mycli 2.0.0',
  );
  expect(listPlugins({ pluginsDir: dirs.pluginsDir, host: v2 }).map((p) => p.health)).toEqual([
    'incompatible',
    'incompatible',
  ]);
  expect(readPluginIndex(dirs.pluginsDir, HOST).plugins).toHaveLength(2);
});

test('a plugin whose folder vanished is reported missing, a broken one broken', () => {
  const records = JSON.parse(readFileSync(join(dirs.pluginsDir, 'plugins.json'), 'utf8'));
  rmSync(records.plugins['mycli-plugin-a'].location, { recursive: true });
  writeFileSync(
    join(records.plugins['mycli-plugin-b'].location, 'commands.js'),
    'throw new Error("syntax of doom")',
  );
  const index = readPluginIndex(dirs.pluginsDir, HOST);
  expect(index.plugins).toEqual([]);
  expect(listPlugins({ pluginsDir: dirs.pluginsDir, host: HOST }).map((p) => [p.name, p.health])).toEqual([
    ['mycli-plugin-a', 'missing'],
    ['mycli-plugin-b', 'broken'],
  ]);
  expect(index.warnings.join('\n')).toContain('syntax of doom');
});

test('reading a fresh index loads no npm library and runs no plugin code (built lib, child process)', () => {
  const lib = join(__dirname, '..', '..', 'lib', 'index.js');
  const script =
    `
    const { readPluginIndex } = require(${JSON.stringify(lib)}` +
    `);
    const index = readPluginIndex(${JSON.stringify(dirs.pluginsDir)}` +
    `, ${JSON.stringify(HOST)}` +
    `);
    const loaded = Object.keys(require.cache).filter((f) ` +
    `=> /node_modules\\/(pacote|@npmcli|semver|npm-registry-fetch|npm-package-arg)\\//.test(f));
 ` +
    `   process.stdout.write(JSON.stringify({ plugins: index.plugins.length, loaded }));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout)).toEqual({ plugins: 2, loaded: [] });
});
