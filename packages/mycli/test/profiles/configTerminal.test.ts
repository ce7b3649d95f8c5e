import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeProfileCli, type ProfileCli } from '../helpers/profileCli';
import { HAND_EDITED } from '../helpers/profileConfigs';
import { HAVE_TMUX, openPane, type Pane } from '../helpers/tmux';

// `config init` and `config set --secure` on a real terminal (tmux): the values are asked for,
// secure ones with nothing echoed, and land in the file or the credential manager (here a
// host-given one keeping them in a JSON file).
if (!HAVE_TMUX)
  console.warn(
    'Skipping the terminal tests: tmux is not installed (apt-get install tmux; .ci/run installs it).',
  );
const describeTmux = HAVE_TMUX ? describe : describe.skip;

let c: ProfileCli;
let pane: Pane | undefined;
let vault: string;
beforeEach(() => {
  c = makeProfileCli();
  vault = join(c.root, 'vault.json');
});
afterEach(() => {
  pane?.close();
  pane = undefined;
  c.cleanup();
});

function inProject(args: string[]): Pane {
  const argv = ['sh', '-c', 'cd "$0" && exec "$@"', c.project, process.execPath, c.bin, ...args];
  return openPane(argv, c.env({ PROCLI_CREDENTIALS_FILE: vault }), 120, 30);
}

async function answer(p: Pane, question: string, text: string): Promise<void> {
  await p.until(() => p.screen(true).join('\n').includes(question), 20000, question);
  if (text) p.keys('-l', text);
  p.keys('Enter');
}

describeTmux('config commands on a terminal', () => {
  it('config set --secure asks with nothing echoed and stores the value outside the file', async () => {
    writeFileSync(join(c.project, 'procli.config.json'), HAND_EDITED);
    pane = inProject(['config', 'set', 'profiles.dev.properties.password', '--secure']);
    await answer(pane, 'dev password', 'pa55-word-x');
    expect(await pane.exitCode()).toBe(0);
    expect(pane.raw()).not.toContain('pa55-word-x');
    const file = join(c.project, 'procli.config.json');
    expect(readFileSync(file, 'utf8')).not.toContain('pa55-word-x');
    expect(readFileSync(file, 'utf8')).toMatch(/"secure": \[\s*"password"\s*\]/);
    expect(JSON.parse(readFileSync(vault, 'utf8'))).toEqual({ [`${file}:dev.password`]: 'pa55-word-x' });
  });

  it('config init asks for each value, the secure one masked', async () => {
    pane = inProject(['config', 'init']);
    await answer(pane, 'base host', 'example.test');
    await answer(pane, 'base port', '');
    await answer(pane, 'greeter greeting', 'Hi');
    await answer(pane, 'greeter token', 'tok-2718');
    expect(await pane.exitCode()).toBe(0);
    expect(pane.raw()).not.toContain('tok-2718');
    const file = join(c.project, 'procli.config.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      profiles: {
        base: { type: 'base', properties: { host: 'example.test', port: 443 } },
        greeter: { type: 'greeter', properties: { greeting: 'Hi' }, secure: ['token'] },
      },
    });
    expect(JSON.parse(readFileSync(vault, 'utf8'))).toEqual({ [`${file}:greeter.token`]: 'tok-2718' });
  });

  it('config secure asks only for the secure values not stored yet, and skips an empty answer', async () => {
    const file = join(c.project, 'procli.config.json');
    writeFileSync(
      file,
      JSON.stringify({
        profiles: {
          a: { type: 'greeter', secure: ['token'] },
          b: { type: 'greeter' },
          c: { properties: {}, secure: ['password'] },
        },
      }),
    );
    writeFileSync(vault, JSON.stringify({ [`${file}:a.token`]: 'kept' }));
    pane = inProject(['config', 'secure']);
    await answer(pane, 'b token', 'tok-b-1');
    await answer(pane, 'c password', '');
    expect(await pane.exitCode()).toBe(0);
    expect(pane.raw()).not.toContain('tok-b-1');
    expect(pane.screen(true).join('\n')).not.toContain('a token');
    expect(JSON.parse(readFileSync(vault, 'utf8'))).toEqual({
      [`${file}:a.token`]: 'kept',
      [`${file}:b.token`]: 'tok-b-1',
    });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ profiles: { b: { secure: ['token'] } } });
  });
});
