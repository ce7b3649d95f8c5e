import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MYCLI_BIN, makeSandbox, type Sandbox } from '../helpers/cliSandbox';
import { writePlugin } from '../helpers/fixturePlugin';
import { HAVE_TMUX, openPane, type Pane } from '../helpers/tmux';

// The plugin manager's spinner in a real terminal (tmux): one line cut to the terminal's width,
// the cursor hidden only while it spins, nothing at all under TERM=dumb, and a clean exit on
// Ctrl-C or SIGTERM that also releases the plugins lock.
if (!HAVE_TMUX)
  console.warn(
    'Skipping the terminal tests: tmux is not installed (apt-get install tmux; .ci/run installs it).',
  );
const describeTmux = HAVE_TMUX ? describe : describe.skip;

const LONG_NAME = `mycli-plugin-${'a-very-long-plugin-name-'.repeat(4)}`.slice(0, 90);
// eslint-disable-next-line no-control-regex -- terminal escapes start with ESC
const ESCAPE = /\x1b/;

let work: string;
let s: Sandbox;
let pane: Pane | undefined;
let env: Record<string, string>;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'mycli-terminal-'));
  s = makeSandbox(undefined, join(work, 'npm-cache'));
  env = {
    PATH: process.env.PATH ?? '',
    HOME: join(s.root, 'user'),
    MYCLI_HOME: s.home,
    npm_config_cache: join(work, 'npm-cache'),
    npm_config_fetch_retries: '0',
    npm_config_update_notifier: 'false',
  };
});
afterEach(() => {
  pane?.close();
  pane = undefined;
  s.cleanup();
  rmSync(work, { recursive: true, force: true });
});

describeTmux('progress in a real terminal', () => {
  it('has a 90-character plugin name', () => expect(LONG_NAME).toHaveLength(90));

  for (const width of [40, 80, 120]) {
    it(
      `leaves exactly the one result line, no spinner debris, after ` + `an install at ${width} columns`,
      async () => {
        const folder = writePlugin(s.fixtures, { name: LONG_NAME, version: '1.0.0', group: 'long' });
        pane = openPane([process.execPath, MYCLI_BIN, 'plugins', 'install', folder], env, width);
        expect(await pane.exitCode()).toBe(0);
        expect(pane.screen(true)).toEqual([`Installed ${LONG_NAME}@1.0.0: commands long`, '__EXIT:0__']);
        expect(pane.raw()).toContain('\x1b[?25l');
        expect(pane.cursorVisible()).toBe(true);
      },
    );
  }

  it('writes no escape code at all under TERM=dumb', async () => {
    const folder = writePlugin(s.fixtures, { name: LONG_NAME, version: '1.0.0', group: 'long' });
    pane = openPane(
      [process.execPath, MYCLI_BIN, 'plugins', 'install', folder],
      { ...env, TERM: 'dumb' },
      80,
    );
    expect(await pane.exitCode()).toBe(0);
    expect(pane.raw()).toContain(`Installed ${LONG_NAME}@1.0.0`);
    expect(pane.raw()).not.toMatch(ESCAPE);
  });

  describe('stopped while the spinner spins (a registry that never answers)', () => {
    let server: Server;
    const sockets: Socket[] = [];
    let registry: string;
    beforeEach(async () => {
      server = createServer((socket) => void sockets.push(socket));
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const address = server.address();
      registry = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    });
    afterEach(async () => {
      for (const socket of sockets.splice(0)) socket.destroy();
      await new Promise((r) => server.close(r));
    });

    for (const [how, code] of [
      ['Ctrl-C', 130],
      ['SIGTERM', 143],
    ] as const) {
      it(
        `on ${how} clears the spinner line, shows the cursor, releases ` + `the lock and exits ${code}`,
        async () => {
          const argv = [
            process.execPath,
            MYCLI_BIN,
            'plugins',
            'install',
            'mycli-plugin-hang',
            '--registry',
            registry,
          ];
          pane = openPane(
            how === 'Ctrl-C'
              ? argv
              : ['sh', '-c', `echo $$ > ${join(work, 'pid')}; exec "$@"`, 'sh', ...argv],
            env,
            40,
          );
          const p = pane;
          await p.until(
            () => sockets.length > 0 && p.raw().includes('\x1b[?25l'),
            60000,
            'the spinner and the registry request',
          );
          expect(p.cursorVisible()).toBe(false);
          const lock = join(s.pluginsDir, '.lock');
          const heldLock = existsSync(lock);
          if (how === 'Ctrl-C') p.keys('C-c');
          else process.kill(Number(readFileSync(join(work, 'pid'), 'utf8')), 'SIGTERM');
          expect(await p.exitCode(20000)).toBe(code);
          expect(p.cursorVisible()).toBe(true);
          expect(p.screen(true)).toEqual([`__EXIT:${code}__`]);
          expect(heldLock).toBe(true);
          expect(existsSync(lock)).toBe(false);
        },
      );
    }
  });
});
