import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HAVE_TMUX, openPane, type Pane } from '../helpers/tmux';

// ctx.prompt in a real terminal (tmux): text, masked password, confirm and select answers reach
// the handler, typed password characters never reach the screen, Ctrl-C at a prompt exits 130
// without a message, and without a terminal every prompt fails with EDICT_PROMPT_UNAVAILABLE.
if (!HAVE_TMUX)
  console.warn(
    'Skipping the terminal tests: tmux is not installed (apt-get install tmux; .ci/run installs it).',
  );
const describeTmux = HAVE_TMUX ? describe : describe.skip;

const CORE_LIB = resolve(__dirname, '../../../core/lib/index.js');
const SECRET = 'hunter2-zq';

let dir: string;
let pane: Pane | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edict-prompter-'));
  const core = JSON.stringify(CORE_LIB);
  writeFileSync(
    join(dir, 'ask.js'),
    `exports.handler = async (ctx) => {
  const name = await ctx.prompt.text('Your name:');
  const secret = await ctx.prompt.password('Your token:');
  const sure = await ctx.prompt.confirm('Store it?', { default: false });
  const colour = await ctx.prompt.select('Colour:', ['red', { value: 'green', name: 'Green' }, 'blue']);
  return { interactive: ctx.prompt.interactive, name, secret, sure, colour,
    message: 'ANSWERS ' + JSON.stringify([name, secret.length, sure, colour]) };
};\n`,
  );
  const commands = [{ name: 'ask', summary: 'Asks', handler: join(dir, 'ask.js') }];
  writeFileSync(
    join(dir, 'cli.js'),
    `const core = require(${core});\n` +
      `core.runMain(core.createCli({ name: 'asker', version: '1.0.0', ` +
      `home: ${JSON.stringify(join(dir, 'home'))}, commands: ${JSON.stringify(commands)} }));\n`,
  );
});
afterEach(() => {
  pane?.close();
  pane = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const env = (): Record<string, string> => ({ PATH: process.env.PATH ?? '', HOME: dir });

describeTmux('prompts in a real terminal', () => {
  it('hands typed answers to the handler and never shows the password', async () => {
    pane = openPane([process.execPath, join(dir, 'cli.js'), 'ask'], env(), 80);
    const p = pane;
    const shown = (text: string): Promise<void> =>
      p.until(() => p.screen().join('\n').includes(text), 20000, text);
    await shown('Your name:');
    p.keys('-l', 'Ada');
    p.keys('Enter');
    await shown('Your token:');
    p.keys('-l', SECRET);
    p.keys('Enter');
    await shown('Store it?');
    p.keys('y');
    p.keys('Enter');
    await shown('Colour:');
    p.keys('Down');
    p.keys('Enter');
    expect(await p.exitCode()).toBe(0);
    const screen = p.screen(true).join('\n');
    expect(screen).toContain(`ANSWERS ["Ada",${SECRET.length},true,"green"]`);
    expect(screen).not.toContain(SECRET);
    expect(p.raw()).not.toContain(SECRET);
    expect(p.raw()).not.toContain('*'.repeat(SECRET.length));
    expect(p.cursorVisible()).toBe(true);
  });

  it('exits 130 without a message on Ctrl-C at a prompt', async () => {
    pane = openPane([process.execPath, join(dir, 'cli.js'), 'ask'], env(), 80);
    const p = pane;
    await p.until(() => p.screen().join('\n').includes('Your name:'), 20000, 'the first prompt');
    p.keys('C-c');
    expect(await p.exitCode()).toBe(130);
    expect(p.screen(true).join('\n')).not.toMatch(/Error|Interrupted/);
    expect(p.cursorVisible()).toBe(true);
  });

  it('exits 143 on SIGTERM at a prompt, the terminal left usable', async () => {
    const pid = join(dir, 'pid');
    const cli = [process.execPath, join(dir, 'cli.js'), 'ask'];
    pane = openPane(['sh', '-c', `echo $$ > ${pid}; exec "$@"`, 'sh', ...cli], env(), 80);
    const p = pane;
    await p.until(() => p.screen().join('\n').includes('Your name:'), 20000, 'the first prompt');
    process.kill(Number(readFileSync(pid, 'utf8')), 'SIGTERM');
    expect(await p.exitCode()).toBe(143);
    expect(p.cursorVisible()).toBe(true);
  });

  it('shows no prompt under --json, even on a terminal', async () => {
    pane = openPane([process.execPath, join(dir, 'cli.js'), 'ask', '--json'], env(), 200, 40);
    expect(await pane.exitCode()).toBe(1);
    const screen = pane.screen(true).join('\n');
    expect(screen).toContain('"code": "EDICT_PROMPT_UNAVAILABLE"');
    expect(screen).toContain('--json is on');
  });
});

describe('prompts without a terminal', () => {
  it('fail with EDICT_PROMPT_UNAVAILABLE when stdin is piped', () => {
    const r = spawnSync(process.execPath, [join(dir, 'cli.js'), 'ask', '--json'], {
      input: 'Ada\n',
      encoding: 'utf8',
      env: env(),
    });
    const doc = JSON.parse(r.stdout) as { error: { code: string; message: string; hint: string } };
    expect(r.status).toBe(1);
    expect(doc.error.code).toBe('EDICT_PROMPT_UNAVAILABLE');
    expect(doc.error.message).toContain('Your name');
    expect(doc.error.hint).toContain('asker ask --help');
  });

  it('names the question and the reason in text mode', () => {
    const r = spawnSync(process.execPath, [join(dir, 'cli.js'), 'ask'], {
      input: 'Ada\n',
      encoding: 'utf8',
      env: env(),
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Cannot ask "Your name": stdin is not a terminal');
  });
});
