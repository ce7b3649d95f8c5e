import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { makeSandbox, MYCLI_BIN, type Sandbox } from '../helpers/cliSandbox';
import { writePlugin } from '../helpers/fixturePlugin';
import { hasProgram, startTerminal, type Terminal } from '../helpers/terminal';

// Completion through real shells in a pseudo-terminal (tmux): each shell installs the script
// with the documented command, then the test types and presses TAB and reads the screen.
// Two linked plugins give plugins.json two names and the index a plugin command (`alpha deploy`).
jest.setTimeout(120000);

let s: Sandbox;
let env: Record<string, string>;
const userHome = (): string => join(s.root, 'user');

beforeAll(async () => {
  s = makeSandbox(undefined, mkdtempSync(join(tmpdir(), 'mycli-complete-cache-')));
  const alpha = writePlugin(s.fixtures, {
    name: 'mycli-plugin-alpha',
    version: '1.0.0',
    commands: [{ name: 'deploy' }, { name: 'status' }],
  });
  const beta = writePlugin(s.fixtures, { name: '@acme/mycli-plugin-beta', version: '1.0.0' });
  for (const folder of [alpha, beta]) expect((await s.run(['plugins', 'link', folder])).status).toBe(0);
  const bin = join(s.root, 'bin');
  mkdirSync(bin);
  symlinkSync(MYCLI_BIN, join(bin, 'mycli'));
  env = {
    PATH: `${bin}:${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
    HOME: userHome(),
    MYCLI_HOME: s.home,
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
  };
});
afterAll(() => s.cleanup());

/** Presses TAB (up to `max` times: bash lists only on the second) until the screen matches. */
async function tabUntil(t: Terminal, pattern: RegExp, max = 3): Promise<void> {
  for (let i = 1; ; i++) {
    t.send('', 'Tab');
    try {
      await t.waitFor(pattern, i < max ? 700 : 5000);
      return;
    } catch (err) {
      if (i >= max) throw err;
    }
  }
}

/** The same session of typing and TAB in every shell; the first TAB is the first of the shell. */
async function completesEverything(t: Terminal): Promise<void> {
  t.send('mycli plu');
  await tabUntil(t, /mycli plugins$/m, 1);
  await t.reset();
  t.send('mycli plugins unin');
  await tabUntil(t, /mycli plugins uninstall$/m, 1);
  await t.reset();
  t.send('mycli plugins uninstall ');
  await tabUntil(
    t,
    /@acme\/mycli-plugin-beta[\s\S]*mycli-plugin-alpha|mycli-plugin-alpha[\s\S]*@acme\/mycli-plugin-beta/,
  );
  await t.reset();
  t.send('mycli plugins uninstall mycli-plugin-a');
  await tabUntil(t, /uninstall mycli-plugin-alpha$/m, 1);
  await t.reset();
  t.send('mycli greet Ada --shout=');
  await tabUntil(t, /true[\s\S]*false/);
  await t.reset();
  t.send('mycli greet Ada --shout=f');
  await tabUntil(t, /mycli greet Ada --shout=false\s*$/m, 1);
  await t.reset();
  t.send('mycli greet Ada --lang f');
  await tabUntil(t, /--lang fr$/m, 1);
  await t.reset();
  t.send('mycli alp');
  await tabUntil(t, /mycli alpha$/m, 1);
  t.send('dep');
  await tabUntil(t, /mycli alpha deploy$/m, 1);
}

const shellTest = (name: string) => (hasProgram('tmux') && hasProgram(name) ? test : test.skip);

describe('completion in a real terminal', () => {
  shellTest('bash')(
    "bash: installed into bash-completion's user folder, it completes " +
      'commands, plugin names, --opt=value and plugin commands',
    async () => {
      const rc = join(s.root, 'bashrc');
      writeFileSync(rc, "PS1='$ '\nsource /usr/share/bash-completion/bash_completion\n");
      const t = await startTerminal(s.root, ['bash', '--rcfile', rc, '-i'], env);
      try {
        t.send(
          'mkdir -p ~/.local/share/bash-completion/completions && mycli ' +
            'completion bash > ~/.local/share/bash-completion/completions/mycli; clear',
          'Enter',
        );
        await t.waitFor(/^\$\s*$/);
        await completesEverything(t);
      } finally {
        t.close();
      }
    },
  );

  shellTest('zsh')('zsh: a #compdef file in fpath completes on the first TAB of a new shell', async () => {
    const zdot = join(s.root, 'zdot');
    mkdirSync(join(zdot, 'functions'), { recursive: true });
    writeFileSync(
      join(zdot, '.zshrc'),
      'PS1=\'$ \'\nfpath=("$ZDOTDIR/functions" $fpath)\nautoload -U compinit && compinit -u -D\n',
    );
    const t = await startTerminal(s.root, ['zsh', '-i'], { ...env, ZDOTDIR: zdot });
    try {
      t.send('mycli completion zsh > "${fpath[1]}/_mycli" && exec zsh', 'Enter');
      await t.waitFor(/exec zsh\n(.*\n)*\$\s*$/);
      await t.reset();
      await completesEverything(t);
    } finally {
      t.close();
    }
  });

  shellTest('fish')('fish: installed into ~/.config/fish/completions, it completes the same', async () => {
    const config = join(userHome(), '.config', 'fish');
    mkdirSync(config, { recursive: true });
    writeFileSync(
      join(config, 'config.fish'),
      "set -g fish_greeting ''\nset -g fish_autosuggestion_enabled " +
        "0\nfunction fish_prompt; echo -n '$ '; end\n",
    );
    const t = await startTerminal(s.root, ['fish', '-i'], env);
    try {
      t.send('mycli completion fish > ~/.config/fish/completions/mycli.fish; and clear', 'Enter');
      await t.waitFor(/^\$\s*$/);
      await completesEverything(t);
    } finally {
      t.close();
    }
  });
});
