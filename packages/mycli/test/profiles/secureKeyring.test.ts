import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { secretServiceAvailable, startSecretService, type SecretService } from '@edict/testing';
import { MYCLI_BIN } from '../helpers/cliSandbox';
import { filesContaining } from '../helpers/filesContaining';
import { HAVE_TMUX, openPane, type Pane } from '../helpers/tmux';

// `mycli config set --secure` on a real terminal stores the typed value in a real Secret Service
// (a private gnome-keyring on its own D-Bus session bus): `secret-tool lookup` finds it under
// service mycli and account <config file>:<profile>.<property>, and no file holds it.
const ready = HAVE_TMUX && secretServiceAvailable();
if (!ready)
  console.warn(
    'Skipping the keyring tests: tmux, gnome-keyring, dbus or secret-tool is missing ' +
      '(.ci/run installs them).',
  );
const describeReady = ready ? describe : describe.skip;

const SECRET = 'kr-5ecret-0x7f';

let root: string;
let service: SecretService;
let pane: Pane | undefined;
beforeAll(async () => {
  if (ready) service = await startSecretService();
});
afterAll(async () => {
  if (ready) await service.stop();
});
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mycli-keyring-'));
  for (const dir of ['user', 'home', 'project']) mkdirSync(join(root, dir));
});
afterEach(() => {
  pane?.close();
  pane = undefined;
  rmSync(root, { recursive: true, force: true });
});

const env = (): Record<string, string> => ({
  ...service.env,
  HOME: join(root, 'user'),
  MYCLI_HOME: join(root, 'home'),
});

describeReady('secure values in the OS credential store', () => {
  it('config set --secure on a terminal stores the typed value in the keyring and in no file', async () => {
    const file = join(root, 'project', 'mycli.config.json');
    writeFileSync(file, '{\n  // team servers\n  "profiles": { "dev": { "type": "base" } }\n}\n');
    const argv = ['sh', '-c', 'cd "$0" && exec "$@"', join(root, 'project'), process.execPath, MYCLI_BIN];
    pane = openPane([...argv, 'config', 'set', 'profiles.dev.properties.password', '--secure'], env(), 120);
    const p = pane;
    await p.until(() => p.screen(true).join('\n').includes('dev password'), 20000, 'the password prompt');
    p.keys('-l', SECRET);
    p.keys('Enter');
    expect(await p.exitCode()).toBe(0);
    expect(p.raw()).not.toContain(SECRET);
    expect(service.lookup('mycli', `${file}:dev.password`)).toBe(SECRET);
    expect(readFileSync(file, 'utf8')).toContain('// team servers');
    expect(readFileSync(file, 'utf8')).toMatch(/"secure": \[\s*"password"\s*\]/);
    expect(filesContaining(root, SECRET)).toEqual([]);

    const listed = spawnSync(process.execPath, [MYCLI_BIN, 'config', 'list'], {
      cwd: join(root, 'project'),
      env: env(),
      encoding: 'utf8',
    });
    expect(listed.stdout).toContain('    password = (secure)');
    expect(listed.stdout).not.toContain(SECRET);
  });
});
