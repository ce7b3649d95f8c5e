import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadNpmConfig } from '../../src/npm/config';

let root: string;
let home: string;
let project: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'edict-npmconfig-'));
  home = join(root, 'home');
  project = join(root, 'project');
  mkdirSync(home);
  mkdirSync(project);
  writeFileSync(
    join(home, '.npmrc'),
    [
      'registry=http://127.0.0.1:9/',
      '@acme:registry=http://127.0.0.1:8/',
      '//127.0.0.1:8/:_authToken=${ACME_TOKEN}',
      'https-proxy=http://127.0.0.1:3128/',
      'strict-ssl=false',
      `cafile=${join(home, 'ca.pem')}`,
    ].join('\n'),
  );
  writeFileSync(join(home, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
  writeFileSync(join(project, 'package.json'), '{}');
  writeFileSync(join(project, '.npmrc'), 'fetch-retries=7\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test(
  'reads the user .npmrc: default and scoped registries, auth tokens ' +
    'with env expansion, proxy, CA and strict-ssl',
  async () => {
    const env = { HOME: home, ACME_TOKEN: 'secret-acme' };
    const flat = await loadNpmConfig({ cwd: project, env });
    expect(flat.registry).toBe('http://127.0.0.1:9/');
    expect(flat['@acme:registry']).toBe('http://127.0.0.1:8/');
    expect(flat['//127.0.0.1:8/:_authToken']).toBe('secret-acme');
    expect(flat.httpsProxy).toBe('http://127.0.0.1:3128/');
    expect(flat.strictSSL).toBe(false);
    expect(flat.ca).toEqual(['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----']);
    // the project .npmrc found from cwd
    expect(flat.retry).toMatchObject({ retries: 7 });
    // the caller's environment object is not modified
    expect(Object.keys(env).sort()).toEqual(['ACME_TOKEN', 'HOME']);
  },
);

test('npm_config_* variables override files, and an explicit registry overrides both', async () => {
  const env = { HOME: home, npm_config_registry: 'http://127.0.0.1:6/', npm_config_fetch_retries: '1' };
  expect(await loadNpmConfig({ cwd: project, env })).toMatchObject({
    registry: 'http://127.0.0.1:6/',
    retry: expect.objectContaining({ retries: 1 }),
  });
  expect((await loadNpmConfig({ cwd: project, env, registry: 'http://127.0.0.1:5/' })).registry).toBe(
    'http://127.0.0.1:5/',
  );
});

test('npm_config_userconfig points at another user config file', async () => {
  const other = join(root, 'other.npmrc');
  writeFileSync(other, 'registry=http://127.0.0.1:4/\n');
  expect(
    (await loadNpmConfig({ cwd: project, env: { HOME: home, npm_config_userconfig: other } })).registry,
  ).toBe('http://127.0.0.1:4/');
});
