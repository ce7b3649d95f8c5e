import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it('seeds the sample host and the scaffolder, their workspace devDependencies rewritten too', async () => {
    const seeded = await seedRegistry(registry, ['mycli', 'create-edict'], { from: repoRoot });
    expect(seeded.published).toEqual(
      expect.arrayContaining(['mycli@0.1.0', 'create-edict@0.1.0', '@edict/plugins@0.1.0']),
    );
    const doc = (await (await fetch(`${registry.url}/mycli`)).json()) as {
      versions: Record<string, { dependencies: object; devDependencies: object }>;
    };
    expect(doc.versions['0.1.0']).toMatchObject({
      dependencies: { '@edict/core': '^0.1.0', '@edict/plugins': '^0.1.0' },
      devDependencies: { '@edict/testing': '^0.1.0' },
    });
  });

  it('with includeWorkspace: false publishes only the dependencies from outside the workspace', async () => {
    const fresh = await startRegistry();
    try {
      const seeded = await seedRegistry(fresh, ['@edict/testing'], {
        from: repoRoot,
        includeWorkspace: false,
      });
      expect(seeded.published).toEqual(expect.arrayContaining([expect.stringMatching(/^chalk@/)]));
      expect(seeded.published.filter((id) => id.startsWith('@edict/'))).toEqual([]);
    } finally {
      await fresh.stop();
    }
  });

  it('fails naming a workspace: dependency the workspace lacks, having published nothing', async () => {
    writeFileSync(join(dir, 'pnpm-workspace.yaml'), 'packages:\n  - pkgs/*\n');
    const pkg = (name: string, deps: object): void => {
      mkdirSync(join(dir, 'pkgs', name), { recursive: true });
      writeFileSync(
        join(dir, 'pkgs', name, 'package.json'),
        JSON.stringify({ name, version: '1.0.0', ...deps }),
      );
    };
    pkg('friend', {});
    pkg('lonely', {
      dependencies: { friend: 'workspace:^' },
      devDependencies: { 'gone-pkg': 'workspace:^' },
    });
    await expect(seedRegistry(registry, ['lonely'], { from: dir })).rejects.toThrow(
      'lonely depends on gone-pkg@workspace:^, but the workspace has no package named gone-pkg',
    );
    expect((await fetch(`${registry.url}/lonely`)).status).toBe(404);
    expect((await fetch(`${registry.url}/friend`)).status).toBe(404);
  });
});
