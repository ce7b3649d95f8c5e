import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { secretServiceAvailable, startSecretService, type SecretService } from '@edict/testing';
import { tempHome } from '../support';
import { profileFixture, run, writeConfig } from './run';

const CORE = resolve(__dirname, '../../../core/lib/index.js');
const fingerprint = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 12);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const available = secretServiceAvailable();
if (!available)
  console.warn(
    'Skipping the credential store tests: gnome-keyring-daemon, dbus-daemon or secret-tool is missing.',
  );
const describeStore = available ? describe : describe.skip;

describeStore('secure profile values in the real credential store (gnome-keyring)', () => {
  let store: SecretService;
  let f: ReturnType<typeof profileFixture>;
  beforeAll(async () => (store = await startSecretService()));
  afterAll(() => store.stop());
  beforeEach(() => {
    tempHome().cleanup(); // fails clearly when mycli is not built
    f = profileFixture();
  });
  afterEach(() => f.cleanup());

  // secret-tool stores it, independent of the code under test: the attributes must match.
  const storeSecret = (account: string, value: string): void => {
    const r = spawnSync(
      'secret-tool',
      ['store', '--label', 'test', 'service', 'mycli', 'username', account],
      {
        env: store.env,
        input: value,
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(0);
  };

  it('reads a secure property from the store; the value is in no file and masked in show-inputs-only', () => {
    const file = join(f.project, 'mycli.config.json');
    writeConfig(file, {
      profiles: {
        dev: { type: 'base', properties: { host: 'dev.test', user: 'ada' }, secure: ['password'] },
      },
      defaults: { base: 'dev' },
    });
    storeSecret(`${file}:dev.password`, 'pa55-w0rd!');
    const r = run(f, ['remote', '--json'], store.env);
    expect(r.status).toBe(0);
    expect(r.json().data).toMatchObject({
      host: 'dev.test',
      user: 'ada',
      passwordFingerprint: fingerprint('pa55-w0rd!'),
    });
    const shown = run(f, ['remote', '--show-inputs-only'], store.env);
    expect(shown.stdout).toMatch(/password\s+\*\*\*\*\s+profile dev/);
    expect(shown.stdout).not.toContain('pa55-w0rd!');
    for (const path of [...filesUnder(f.home), ...filesUnder(f.project)])
      expect(readFileSync(path, 'utf8')).not.toContain('pa55-w0rd!');
  });

  it('does not touch the store when a flag gives the secure value', () => {
    const file = join(f.project, 'mycli.config.json');
    writeConfig(file, {
      profiles: { dev: { type: 'base', properties: { host: 'dev.test' }, secure: ['password'] } },
      defaults: { base: 'dev' },
    });
    // No D-Bus at all: reading the store would fail, so success proves it was not read.
    const r = run(f, ['remote', '--password', 'given', '--json']);
    expect(r.json().data).toMatchObject({ passwordFingerprint: fingerprint('given') });
  });

  it('says how to give the value instead when there is no credential store', () => {
    const file = join(f.project, 'mycli.config.json');
    writeConfig(file, {
      profiles: { dev: { type: 'base', properties: { host: 'dev.test' }, secure: ['password'] } },
      defaults: { base: 'dev' },
    });
    const r = run(f, ['remote']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('The OS credential store cannot be used');
    expect(r.stderr).toContain('Hint: Give it with --password <value> or MYCLI_OPT_PASSWORD=<value>');
  });

  it('saves, loads and deletes through keyringCredentialManager under service and account', () => {
    const script = `
      const { keyringCredentialManager } = require(${JSON.stringify(CORE)});
      const m = keyringCredentialManager('mycli');
      (async () => {
        await m.save('acct-1', 's3cret');
        const loaded = await m.load('acct-1');
        const missing = await m.load('acct-none');
        process.stdout.write(JSON.stringify({ loaded, missing: missing === undefined }));
      })().catch((e) => { console.error(e.code, e.message); process.exit(1); });`;
    const r = spawnSync(process.execPath, ['-e', script], { env: store.env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ loaded: 's3cret', missing: true });
    expect(store.lookup('mycli', 'acct-1')).toBe('s3cret');
    const del = spawnSync(
      process.execPath,
      [
        '-e',
        `require(${JSON.stringify(CORE)}).keyringCredentialManager('mycli').delete('acct-1').then((d) ` +
          `=> process.stdout.write(String(d)))`,
      ],
      { env: store.env, encoding: 'utf8' },
    );
    expect(del.stdout).toBe('true');
    expect(store.lookup('mycli', 'acct-1')).toBeUndefined();
  });
});
