import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSandbox, type Sandbox } from '../helpers/cliSandbox';
import { writePlugin } from '../helpers/fixturePlugin';

// `plugins list` prints `name@version`; uninstall, update and info take that form too. These
// plugins are installed from folders, so no registry is involved.
let work: string;
let s: Sandbox;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'mycli-name-version-'));
  s = makeSandbox(undefined, join(work, 'npm-cache'));
  for (const name of ['mycli-plugin-nv', '@acme/mycli-plugin-nvs']) {
    const r = await s.run(['plugins', 'install', writePlugin(s.fixtures, { name, version: '1.0.0' })]);
    expect([r.status, r.stderr]).toEqual([0, '']);
  }
});
afterAll(() => {
  s.cleanup();
  rmSync(work, { recursive: true, force: true });
});

test(
  'plugins info name@version and @scope/name@version show the installed ' +
    'plugin; another version is named in a warning',
  async () => {
    const same = await s.json<{ record: { name: string; version: string } }>([
      'plugins',
      'info',
      'mycli-plugin-nv@1.0.0',
    ]);
    expect([same.status, same.data.record.name, same.stderr]).toEqual([0, 'mycli-plugin-nv', '']);
    const scoped = await s.json<{ record: { name: string } }>([
      'plugins',
      'info',
      '@acme/mycli-plugin-nvs@1.0.0',
    ]);
    expect(scoped.data.record.name).toBe('@acme/mycli-plugin-nvs');
    const other = await s.run(['plugins', 'info', 'mycli-plugin-nv@2.0.0']);
    expect(other.status).toBe(0);
    expect(other.stderr).toContain('mycli-plugin-nv@2.0.0: the installed version is 1.0.0; showing it.');
  },
);

test(
  'plugins update name@range strips the range and warns that the ' + 'one recorded at install is used',
  async () => {
    const r = await s.run(['plugins', 'update', 'mycli-plugin-nv@^2']);
    expect(r.stderr).toContain(
      'mycli-plugin-nv@^2: update ignores the version and uses the ' +
        'range recorded at install (fixed at 1.0.0)',
    );
    expect(r.stderr).toContain('to change it: mycli plugins install mycli-plugin-nv@^2');
    expect(r.stderr).not.toContain('No plugin named');
  },
);

test('plugins uninstall name@version uninstalls it, warning when the installed version differs', async () => {
  const scoped = await s.run(['plugins', 'uninstall', '@acme/mycli-plugin-nvs@1.0.0']);
  expect([scoped.status, scoped.stdout, scoped.stderr]).toEqual([
    0,
    'Uninstalled @acme/mycli-plugin-nvs@1.0.0\n',
    '',
  ]);
  const other = await s.run(['plugins', 'uninstall', 'mycli-plugin-nv@3.1.4']);
  expect(other.status).toBe(0);
  expect(other.stdout).toBe('Uninstalled mycli-plugin-nv@1.0.0\n');
  expect(other.stderr).toContain('mycli-plugin-nv@3.1.4: the installed version is 1.0.0; uninstalling it.');
  const gone = await s.run(['plugins', 'uninstall', 'mycli-plugin-nv@1.0.0']);
  expect(gone.status).toBe(1);
  expect(gone.stderr).toContain('mycli-plugin-nv');
  expect(gone.stderr).not.toContain('mycli-plugin-nv@1.0.0');
});
