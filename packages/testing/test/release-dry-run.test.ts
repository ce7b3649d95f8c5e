import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The release flow (scripts/release.mjs) is not part of a package; its dry run must list every
// public package with what a release needs, without the network and without changing anything.

const root = join(__dirname, '..', '..', '..');
const publicManifests = readdirSync(join(root, 'packages'))
  .map((dir) => JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')))
  .filter((m: { private?: boolean }) => !m.private) as { name: string; version: string; files: string[] }[];

describe('npm run release -- --dry-run', () => {
  it('lists every public package with its version, README and changelog entry, offline', () => {
    const before = spawnSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).stdout;
    // A registry nothing listens on: the dry run must not need one.
    const env = { PATH: process.env.PATH, HOME: root, npm_config_registry: 'http://127.0.0.1:9/' };
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'release.mjs'), '--dry-run'], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(publicManifests.map((m) => m.name).sort()).toEqual(
      expect.arrayContaining(['@edict/core', '@edict/plugins', '@edict/testing', 'create-edict', 'mycli']),
    );
    for (const { name, version } of publicManifests) {
      const entry = new RegExp(`^${name}@${version}( -> \\S+)?\\n  README.md: yes\\n  changelog: \\S`, 'm');
      expect(r.stdout).toMatch(entry);
    }
    expect(spawnSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).stdout).toBe(before);
  });

  it('puts each README and CHANGELOG in the package tarball', () => {
    for (const { name, files } of publicManifests)
      expect({ name, files }).toEqual({ name, files: expect.arrayContaining(['README.md', 'CHANGELOG.md']) });
  });

  it('takes a changelog entry from pending changesets or the CHANGELOG section of the version', () => {
    const ws = mkdtempSync(join(tmpdir(), 'edict-release-plan-'));
    try {
      writeFileSync(join(ws, 'pnpm-workspace.yaml'), 'packages:\n  - pkgs/*\n');
      const pkg = (dir: string, manifest: object, files: Record<string, string> = {}): void => {
        mkdirSync(join(ws, 'pkgs', dir), { recursive: true });
        writeFileSync(join(ws, 'pkgs', dir, 'package.json'), JSON.stringify(manifest));
        for (const [file, text] of Object.entries(files)) writeFileSync(join(ws, 'pkgs', dir, file), text);
      };
      pkg(
        'a',
        { name: 'a', version: '1.2.3' },
        { 'README.md': '# a', 'CHANGELOG.md': '# a\n\n## 1.2.3\n\n- Fixed\n' },
      );
      pkg('b', { name: '@s/b', version: '0.1.0' });
      pkg('c', { name: 'c', version: '1.0.0', private: true });
      pkg('d', { name: 'd', version: '2.0.0' }, { 'README.md': '# d' });
      mkdirSync(join(ws, '.changeset'));
      writeFileSync(join(ws, '.changeset', 'x.md'), "---\n'd': minor\n---\n\nNew thing\n");
      const module = JSON.stringify(join(root, 'scripts/release/packages.mjs'));
      const script = `import { publicPackages } from ${module};
        console.log(JSON.stringify(publicPackages(process.argv[1]).map(({ dir, ...p }) => p)));`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, ws], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual([
        { name: 'a', version: '1.2.3', readme: true, changelog: '- Fixed' },
        { name: '@s/b', version: '0.1.0', readme: false },
        {
          name: 'd',
          version: '2.0.0',
          readme: true,
          changelog: 'New thing (.changeset/x.md)',
          next: '2.1.0',
        },
      ]);
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });
});
