import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { versionFastPath } from '../../src/cli/versionFastPath';
import { testCli, type TestCli } from '../support/inProcess';

const core = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }
).version;
const details =
  `app 1.2.3\n@edict/core ${core}` + `\nnode ${process.version} (${process.platform}` + `-${process.arch})\n`;

describe('the version command and --version --debug', () => {
  let app: TestCli;
  beforeEach(() => (app = testCli([])));
  afterEach(() => app.cleanup());

  it('`version` prints the CLI version, the framework version, Node and the platform', async () => {
    const r = await app.run(['version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(details);
    expect((await app.json(['version'])).data).toEqual({
      name: 'app',
      version: '1.2.3',
      framework: core,
      node: process.version,
      platform: process.platform,
      arch: process.arch,
      message: details.trimEnd(),
    });
  });

  it('--version --debug prints the same; plain --version is still only the version', async () => {
    expect((await app.run(['--version', '--debug'])).stdout).toBe(details);
    expect((await app.run(['--version'])).stdout).toBe('1.2.3\n');
    expect((await app.json(['--version'])).data).toEqual({ name: 'app', version: '1.2.3' });
  });

  it('the fast path answers --version alone and leaves --version --debug to the engine', () => {
    let written = '';
    const io = { stdout: { write: (s: string) => (written += s) } };
    expect(versionFastPath({ name: 'app', version: '1.2.3' }, ['--version'], io)).toBe(0);
    expect(written).toBe('1.2.3\n');
    expect(versionFastPath({ name: 'app', version: '1.2.3' }, ['--version', '--debug'], io)).toBeUndefined();
    expect(versionFastPath({ name: 'app', version: '1.2.3' }, ['-V', '--no-color', '--json'], io)).toBe(0);
  });

  it('a host may switch the version command off', async () => {
    const off = testCli([], { builtins: { version: false } });
    expect((await off.run(['version'])).code).toBe(2);
    off.cleanup();
  });
});
