import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRegistry, type TestRegistry } from '../../src/registry/startRegistry';
import { seedRegistry } from '../../src/registry-seed/seedRegistry';

const repoRoot = join(__dirname, '..', '..', '..', '..');
let registry: TestRegistry;
let dir: string;

beforeAll(async () => {
  registry = await startRegistry();
});
afterAll(async () => registry?.stop());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edict-seed-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('seedRegistry', () => {
  it(
    'publishes a workspace package and its closure so npm installs ' + 'it from a registry with no uplinks',
    async () => {
      const seeded = await seedRegistry(registry, ['@edict/testing'], { from: repoRoot });
      expect(seeded.published).toEqual(expect.arrayContaining(['@edict/testing@0.1.0', '@edict/core@0.1.0']));
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify({ name: 'consumer', version: '1.0.0', dependencies: { '@edict/testing': '^0.1.0' } }),
      );
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: dir,
        npm_config_userconfig: registry.npmrcPath,
        npm_config_cache: join(dir, '.cache'),
        npm_config_audit: 'false',
        npm_config_fund: 'false',
      };
      const install = spawnSync('npm', ['install'], { cwd: dir, env, encoding: 'utf8' });
      expect(install.stderr.replace(/^npm warn.*\n/gm, '')).toBe('');
      expect(install.status).toBe(0);
      const installed = JSON.parse(
        readFileSync(join(dir, 'node_modules', '@edict', 'testing', 'package.json'), 'utf8'),
      );
      expect(installed.dependencies['@edict/core']).toBe('^0.1.0');
      const run = spawnSync(
        process.execPath,
        [
          '-e',
          "const { runCommand } = require('@edict/testing');\n" +
            "console.log(typeof runCommand, require('@edict/core').envPrefixFor('a-b'))",
        ],
        { cwd: dir, encoding: 'utf8' },
      );
      expect(run.stdout).toBe('function A_B\n');
    },
  );

  it('counts versions the registry already has as existed', async () => {
    await seedRegistry(registry, ['@edict/core'], { from: repoRoot });
    const again = await seedRegistry(registry, ['@edict/core'], { from: repoRoot });
    expect(again.published).toEqual([]);
    expect(again.existed).toContain('@edict/core@0.1.0');
  });
});
