import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { startRegistry, type TestRegistry } from '../src/registry/startRegistry';

// `npm run release` (scripts/release.mjs) on a copy of the checkout (it changes versions and
// writes changelogs), publishing to the registry npm's configuration names: a throw-away one.

const root = join(__dirname, '..', '..', '..');
let copy: string;
let registry: TestRegistry;

beforeAll(async () => {
  copy = mkdtempSync(join(tmpdir(), 'edict-release-'));
  cpSync(root, copy, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (src) => !['node_modules', '.git', '.bench'].includes(relative(root, src)),
  });
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  registry = await startRegistry();
}, 120_000);
afterAll(async () => {
  await registry?.stop();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

const PUBLIC = ['core', 'plugins', 'module-loader', 'testing', 'create-edict', 'mycli'];
const manifest = (dir: string): { name: string; version: string; dependencies?: Record<string, string> } =>
  JSON.parse(readFileSync(join(copy, 'packages', dir, 'package.json'), 'utf8'));

test('npm run release versions the packages by their changesets, writes changelogs, publishes all', () => {
  const before = new Map(PUBLIC.map((dir) => [dir, manifest(dir).version]));
  const releases = PUBLIC.map((dir) => `'${manifest(dir).name}': patch`).join('\n');
  writeFileSync(
    join(copy, '.changeset', 'release-test.md'),
    `---\n${releases}\n---\n\nReleased by a test.\n`,
  );
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  env.npm_config_userconfig = registry.npmrcPath;
  const r = spawnSync(process.execPath, [join(copy, 'scripts', 'release.mjs')], {
    cwd: copy,
    env,
    encoding: 'utf8',
  });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain(`Publishing to ${registry.url}/ (npm config get registry)`);
  for (const dir of PUBLIC) {
    const { name, version } = manifest(dir);
    const [major, minor, patch] = before.get(dir)!.split('.').map(Number);
    expect(version).toBe(`${major}.${minor}.${patch! + 1}`);
    expect(r.stdout).toContain(`published ${name}@${version}`);
    const changelog = readFileSync(join(copy, 'packages', dir, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(new RegExp(`^## ${version}\n[\\s\\S]*Released by a test\\.`, 'm'));
  }
  const after = manifest('core').version;
  const view = spawnSync('npm', ['view', 'mycli', 'dependencies', 'devDependencies', '--json'], {
    env,
    encoding: 'utf8',
  });
  expect(JSON.parse(view.stdout)).toEqual({
    dependencies: { '@edict/core': `^${after}`, '@edict/plugins': `^${after}` },
    devDependencies: { '@edict/testing': `^${after}` },
  });
}, 180_000);
