import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dependencyClosure, workspacePackages } from '../../src/registry-seed/closure';
import { replaceWorkspaceRanges } from '../../src/registry-seed/packageFiles';

const repoRoot = join(__dirname, '..', '..', '..', '..');
const installedVersion = (pkgDir: string, name: string): string =>
  JSON.parse(readFileSync(join(repoRoot, 'packages', pkgDir, 'node_modules', name, 'package.json'), 'utf8'))
    .version;

describe('dependencyClosure', () => {
  it('takes workspace packages from their folders and their dependencies at the installed versions', () => {
    const closure = dependencyClosure(['@edict/testing'], repoRoot);
    const ids = closure.map((p) => `${p.name}@${p.version}`).sort();
    expect(ids).toEqual(
      expect.arrayContaining([
        '@edict/testing@0.1.0',
        '@edict/core@0.1.0',
        `chalk@${installedVersion('core', 'chalk')}`,
        `yargs-parser@${installedVersion('core', 'yargs-parser')}`,
        `cli-table3@${installedVersion('core', 'cli-table3')}`,
      ]),
    );
    expect(closure.find((p) => p.name === '@edict/core')).toMatchObject({
      workspace: true,
      dir: join(repoRoot, 'packages', 'core'),
    });
    expect(closure.find((p) => p.name === 'chalk')).toMatchObject({ workspace: false });
    // verdaccio is an optional peer of @edict/testing: not part of what an install needs
    expect(ids.some((id) => id.startsWith('verdaccio@'))).toBe(false);
  });

  it('follows transitive dependencies (chalk → supports-color → has-flag)', () => {
    const names = dependencyClosure(['@edict/core'], repoRoot).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['chalk', 'supports-color', 'has-flag', 'ansi-styles']));
  });

  it('names a package that is not installed', () => {
    expect(() => dependencyClosure(['no-such-package-xyz'], repoRoot)).toThrow(
      /no-such-package-xyz is not installed/,
    );
  });

  it('finds the workspace packages from pnpm-workspace.yaml', () => {
    expect([...workspacePackages(repoRoot).keys()]).toEqual(
      expect.arrayContaining(['@edict/core', '@edict/plugins', '@edict/testing', 'create-edict']),
    );
  });
});

describe('replaceWorkspaceRanges', () => {
  it('rewrites workspace: ranges like pnpm pack and leaves others alone', () => {
    const versions = new Map([['@edict/core', '1.2.3']]);
    const out = replaceWorkspaceRanges(
      {
        name: 'x',
        version: '1.0.0',
        dependencies: { '@edict/core': 'workspace:^', other: '^2' },
        devDependencies: { '@edict/core': 'workspace:*' },
        peerDependencies: { '@edict/core': 'workspace:~' },
      },
      versions,
    );
    expect(out.dependencies).toEqual({ '@edict/core': '^1.2.3', other: '^2' });
    expect(out.devDependencies).toEqual({ '@edict/core': '1.2.3' });
    expect(out.peerDependencies).toEqual({ '@edict/core': '~1.2.3' });
  });

  it('names the dependency the workspace does not have', () => {
    const manifest = { name: 'x', version: '1.0.0', devDependencies: { '@edict/nope': 'workspace:^' } };
    expect(() => replaceWorkspaceRanges(manifest, new Map([['@edict/core', '0.1.0']]))).toThrow(
      'x depends on @edict/nope@workspace:^, but the workspace has no package named @edict/nope ' +
        '(its packages: @edict/core)',
    );
  });
});
