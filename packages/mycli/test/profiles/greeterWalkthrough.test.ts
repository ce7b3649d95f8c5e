import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { secretServiceAvailable, startSecretService, type SecretService } from '@edict/testing';
import { startRegistry, type TestRegistry } from '../../../testing/src';
import { makeSandbox, MYCLI_BIN, REPO_ROOT, type Sandbox } from '../helpers/cliSandbox';
import { filesContaining } from '../helpers/filesContaining';
import { HAVE_TMUX, openPane, type Pane } from '../helpers/tmux';

// docs/profiles.md's walkthrough, run as written: the sample plugin from a real registry declares
// a greeter profile type with a secure token; `config secure` on a real terminal stores the token
// in a real Secret Service (gnome-keyring), the plugin's command uses it, and no file holds it.
const ready = HAVE_TMUX && secretServiceAvailable();
if (!ready) console.warn('Skipping the walkthrough: tmux, gnome-keyring, dbus or secret-tool is missing.');
const describeReady = ready ? describe : describe.skip;

const TOKEN = 'gr33t-t0ken!';
const PASSWORD = 'base-pa55';
const doc = readFileSync(join(REPO_ROOT, 'docs', 'profiles.md'), 'utf8');

/** The command lines of the `<!-- walkthrough -->` block, without the leading `mycli`. */
function walkthrough(): string[][] {
  const marker = '<!-- walkthrough -->\n```sh\n';
  const start = doc.indexOf(marker);
  if (start < 0) throw new Error('docs/profiles.md has no walkthrough block');
  const body = doc.slice(start + marker.length, doc.indexOf('\n```', start + marker.length));
  return body.split('\n').map((line) => {
    const [cli, ...args] = line.trim().split(/\s+/);
    if (cli !== 'mycli') throw new Error(`a walkthrough line that is not a mycli command: ${line}`);
    return args;
  });
}

let registry: TestRegistry;
let service: SecretService;
let work: string;
let s: Sandbox;
let pane: Pane | undefined;

beforeAll(async () => {
  if (!ready) return;
  work = mkdtempSync(join(tmpdir(), 'mycli-walkthrough-'));
  service = await startSecretService();
  registry = await startRegistry();
  // The sample plugin as its author publishes it (its manifest is committed; no prepack here).
  const plugin = join(work, 'plugin-hello');
  cpSync(join(REPO_ROOT, 'packages', 'mycli', 'examples', 'hello-plugin'), plugin, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(plugin, 'package.json'), 'utf8'));
  delete pkg.scripts;
  writeFileSync(join(plugin, 'package.json'), JSON.stringify(pkg, null, 2));
  await registry.publish(plugin);
  s = makeSandbox(registry.npmrcPath, join(work, 'npm-cache'));
}, 120_000);

afterAll(async () => {
  if (!ready) return;
  pane?.close();
  s.cleanup();
  await registry.stop();
  await service.stop();
  rmSync(work, { recursive: true, force: true });
});

describeReady('docs/profiles.md walkthrough: a plugin profile with a secure token', () => {
  it('stores the token in the OS store, uses it, shows it masked, and lists it when missing', async () => {
    const [install, init, secure, set, hello, inputs, ...rest] = walkthrough();
    expect(rest).toEqual([]);
    const project = join(s.root, 'project');
    mkdirSync(project);
    const env = { ...service.env };
    const run = (args: string[]) => s.run(args, { cwd: project, env });

    expect((await run(install!)).status).toBe(0);
    expect((await run(init!)).status).toBe(0);
    const file = join(project, 'mycli.config.json');
    // A hand edit: comments survive the CLI's own edits.
    writeFileSync(file, `// our team's greeters\n${readFileSync(file, 'utf8')}`);

    // `config secure` on a real terminal: each secure property is asked for, with no echo.
    const argv = ['sh', '-c', 'cd "$0" && exec "$@"', project, process.execPath, MYCLI_BIN, ...secure!];
    pane = openPane(argv, { ...env, HOME: join(s.root, 'user'), MYCLI_HOME: s.home }, 120);
    const p = pane;
    const answers: Record<string, string> = { 'greeter token': TOKEN, 'base password': PASSWORD };
    for (const _ of Object.keys(answers)) {
      const asked = (): string | undefined =>
        Object.keys(answers).find((q) => p.screen(true).join('\n').includes(q));
      await p.until(() => asked() !== undefined, 20000, 'a secure prompt');
      const question = asked()!;
      p.keys('-l', answers[question]!);
      p.keys('Enter');
      delete answers[question];
    }
    expect(await p.exitCode()).toBe(0);
    expect(p.raw()).not.toContain(TOKEN);
    expect(service.lookup('mycli', `${file}:greeter.token`)).toBe(TOKEN);

    expect((await run(set!)).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^\/\/ our team's greeters\n/);
    const greeted = await run(hello!);
    expect({ status: greeted.status, stdout: greeted.stdout, stderr: greeted.stderr }).toEqual({
      status: 0,
      stdout: `Hi, Ada! (signed in with a token of ${TOKEN.length} characters)\n`,
      stderr: '',
    });
    expect(filesContaining(s.root, TOKEN)).toEqual([]);

    const shown = await s.json<{ inputs: { name: string; value: unknown; from: string }[] }>(inputs!, {
      cwd: project,
      env,
    });
    const input = (name: string) => shown.data.inputs.find((i) => i.name === name);
    expect(input('token')).toMatchObject({ value: '****' });
    expect(input('greeting')).toEqual({
      name: 'greeting',
      value: 'Hi',
      source: 'profile',
      from: `profile greeter (${file})`,
    });
    expect(JSON.stringify(shown)).not.toContain(TOKEN);

    // Elsewhere the token cannot be had: no terminal, and no store entry for this project's file.
    const ci = join(s.root, 'ci');
    mkdirSync(ci);
    expect((await s.run(init!, { cwd: ci, env })).status).toBe(0);
    const missing = await s.run(hello!, { cwd: ci, env });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--token <value>');
    expect(missing.stderr).toContain('MYCLI_OPT_TOKEN=<value>');
    expect(missing.stderr).toContain('mycli config set profiles.greeter.properties.token <value> --secure');
    const given = await s.run([...hello!, '--token', 'x'], { cwd: ci, env });
    expect(given.stdout).toBe('Hello, Ada! (signed in with a token of 1 characters)\n');
  }, 240_000);
});
