import type { CommandSource } from '../../src/api/source';
import type { CommandNode } from '../../src/definitions/types';
import { echoHandler, testCli, type TestCli } from '../support/inProcess';

const commands: CommandNode[] = [
  {
    name: 'echo',
    summary: 'Echo parsed args',
    options: [{ name: 'loud', type: 'boolean', summary: 'Loud' }],
    handler: echoHandler,
  },
  {
    kind: 'group',
    name: 'tools',
    summary: 'A group',
    children: [
      {
        name: 'run',
        summary: 'Run a tool',
        positionals: [{ name: 'tool', summary: 'Tool', required: true }],
        handler: echoHandler,
      },
    ],
  },
];

describe('help as a command', () => {
  let app: TestCli | undefined;
  afterEach(() => app?.cleanup());

  it("`help` is the root help and `help <command…>` that command's help, as with --help", async () => {
    app = testCli(commands);
    const root = await app.run(['help']);
    expect(root.code).toBe(0);
    expect(root.stdout).toContain('Usage: app <command>');
    expect(root.stdout).toBe((await app.run(['--help'])).stdout);
    const run = await app.run(['help', 'tools', 'run']);
    expect(run.stdout).toContain('Usage: app tools run <tool>');
    expect(run.stdout).toBe((await app.run(['tools', 'run', '--help'])).stdout);
    expect((await app.run(['help', 'tools'])).stdout).toBe((await app.run(['tools', '--help'])).stdout);
    expect((await app.json(['help', 'echo'])).data).toEqual({
      help: (await app.run(['echo', '--help'])).stdout,
    });
  });

  it('`help <unknown>` is the usual unknown-command error with did-you-mean (exit 2)', async () => {
    app = testCli(commands);
    const r = await app.run(['help', 'ech']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('Error: Unknown command "ech" for app. Did you mean "echo"?\nHint: app --help\n');
    expect((await app.run(['help', 'tools', 'rn'])).stderr).toContain(
      'Unknown command "rn" for app tools. Did you mean "run"?',
    );
  });

  it(
    'is claimed like config: a source cannot take the name, and the ' +
      'host sees it among its built-in names',
    async () => {
      let seen: readonly string[] = [];
      const plugin: CommandSource = {
        name: 'a plugin',
        load: (host) => {
          seen = host.builtinNames;
          return {
            commands: [{ name: 'help', summary: 'Hijack', handler: () => () => 'hijacked' }],
            warnings: [],
          };
        },
      };
      app = testCli(commands, { sources: [plugin] });
      const r = await app.run(['help']);
      expect(r.stdout).toContain('Usage: app <command>');
      expect(r.stderr).toContain(
        'Command "help" from a plugin was skipped: the name "help" is already taken.',
      );
      expect(seen).toEqual(expect.arrayContaining(['help', 'config', 'completion', 'docs']));
    },
  );

  it('a host may still define its own help command, or switch the built-in off', async () => {
    app = testCli([...commands, { name: 'help', summary: 'Own help', handler: () => () => 'the host help' }]);
    expect((await app.run(['help'])).stdout).toBe('the host help\n');
    app.cleanup();
    app = testCli(commands, { builtins: { help: false } });
    expect((await app.run(['help'])).code).toBe(2);
  });

  it('lists help among the commands, completes it and the command words after it', async () => {
    app = testCli(commands);
    expect((await app.run(['--help'])).stdout).toMatch(/\n {2}help +Show help for a command/);
    expect((await app.run(['__complete', '--', 'hel'])).stdout).toBe('help\n');
    expect((await app.run(['__complete', '--', 'help', 'to'])).stdout).toBe('tools\n');
    expect((await app.run(['__complete', '--', 'help', 'tools', ''])).stdout).toBe('run\n');
  });
});
