import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { findBin } from '../../src/run/findBin';

const helloPlugin = join(__dirname, '..', '..', '..', 'mycli', 'examples', 'hello-plugin');
const testingLib = join(__dirname, '..', '..', 'lib', 'index.js');
const coreLib = join(__dirname, '..', '..', '..', 'core', 'lib', 'index.js');
let dir: string;

/**
 * Runs the built loadPluginCommands in a child process (it uses a real dynamic import, which
 * jest's module sandbox does not offer), then runs `argv` with runCommand on a CLI made of the
 * commands. Returns the commands and the run.
 */
function loadAndRun(
  root: string,
  argv: string[],
): { commands?: unknown[]; run?: { exitCode: number; stdout: string }; error?: string } {
  const script =
    `
    const { loadPluginCommands, runCommand } = require(${JSON.stringify(testingLib)}` +
    `);
    const { createCli } = require(${JSON.stringify(coreLib)}` +
    `);
    loadPluginCommands(process.argv[1]).then(async (commands) ` +
    `=> {
      const run = await runCommand({ cli: createCli({ name: ` +
    `'mycli', version: '0.0.0', commands }), argv: JSON.parse(process.argv[2]), ` +
    `home: process.argv[3] });
      console.log(JSON.stringify({ ` +
    `commands, run: { exitCode: run.exitCode, stdout: run.stdout ` +
    `} }));
    }, (err) => console.log(JSON.stringify({ error: err.message })));`;
  const r = spawnSync(process.execPath, ['-e', script, root, JSON.stringify(argv), join(dir, 'home')], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edict-plugin-commands-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadPluginCommands', () => {
  it('reads a CommonJS plugin and makes its handler paths absolute, so a test CLI can run them', () => {
    const { commands, run } = loadAndRun(helloPlugin, ['hello', 'world', 'Ada']);
    expect(commands).toMatchObject([
      { name: 'hello', children: [{ name: 'world', handler: join(helloPlugin, 'handlers', 'world.js') }] },
    ]);
    expect(run).toEqual({ exitCode: 0, stdout: 'Hello, Ada!\n' });
  });

  it('reads an ESM plugin whose module exports commands', () => {
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name: 'esm-plugin',
        version: '1.0.0',
        type: 'module',
        edict: { commands: './commands.js' },
      }),
    );
    writeFileSync(
      join(dir, 'commands.js'),
      `export const commands = [{ name: 'ping', summary: 'Ping', handler: './ping.js' }];`,
    );
    writeFileSync(join(dir, 'ping.js'), `export function handler() { return 'pong'; }`);
    const { commands, run } = loadAndRun(dir, ['ping']);
    expect(commands).toEqual([{ name: 'ping', summary: 'Ping', handler: join(dir, 'ping.js') }]);
    expect(run).toEqual({ exitCode: 0, stdout: 'pong\n' });
  });

  it('says a folder without an edict field is not a plugin', () => {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'plain', version: '1.0.0' }));
    expect(loadAndRun(dir, []).error).toMatch(/has no "edict": \{ "commands": … \} field/);
  });
});

/**
 * Runs the built loadPluginDefinitions in a child process, then `argv` on a CLI made of the
 * plugin's commands and profile types, in `cwd`. Returns the profile types and the run.
 */
function loadDefinitionsAndRun(
  root: string,
  argv: string[],
  cwd: string,
): {
  profileTypes?: { type: string }[];
  run?: { exitCode: number; stdout: string; stderr: string };
  error?: string;
} {
  const script = `
    const { loadPluginDefinitions, runCommand } = require(${JSON.stringify(testingLib)});
    const { createCli } = require(${JSON.stringify(coreLib)});
    const [root, argv, home, cwd] = process.argv.slice(1);
    loadPluginDefinitions(root).then(async (definitions) => {
      const cli = createCli({ name: 'mycli', version: '0.0.0', ...definitions });
      const run = await runCommand({ cli, argv: JSON.parse(argv), home, cwd });
      const { exitCode, stdout, stderr } = run;
      const { profileTypes } = definitions;
      console.log(JSON.stringify({ profileTypes, run: { exitCode, stdout, stderr } }));
    }, (err) => console.log(JSON.stringify({ error: err.message })));`;
  const args = ['-e', script, root, JSON.stringify(argv), join(dir, 'home'), cwd];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

describe('loadPluginDefinitions', () => {
  it("gives the plugin's profile types too, so a test CLI applies their rules", () => {
    const project = join(dir, 'project');
    mkdirSync(project);
    writeFileSync(
      join(project, 'mycli.config.json'),
      JSON.stringify({
        profiles: { mine: { type: 'greeter', properties: { greeting: 'Howdy' } } },
        defaults: { greeter: 'mine' },
      }),
    );
    const signed = loadDefinitionsAndRun(helloPlugin, ['hello', 'world', 'Ada', '--token', 't0ken'], project);
    expect(signed.profileTypes?.map((t) => t.type)).toEqual(['greeter']);
    expect(signed.run).toMatchObject({
      exitCode: 0,
      stdout: 'Howdy, Ada! (signed in with a token of 5 characters)\n',
    });
    // the greeter type requires a token: known to the CLI, a profile without one is a usage error
    const { run } = loadDefinitionsAndRun(helloPlugin, ['hello', 'world', 'Ada'], project);
    expect(run?.exitCode).toBe(2);
    expect(run?.stderr).toContain('--token (secure property "token" of greeter profile mine)');
  });

  it('refuses a plugin whose profile types a host would refuse, naming the problem', () => {
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'bad-types', version: '1.0.0', edict: { commands: './commands.js' } }),
    );
    writeFileSync(
      join(dir, 'commands.js'),
      `exports.commands = [];\nexports.profileTypes = [{ type: 'Bad Name', properties: {} }];`,
    );
    expect(loadDefinitionsAndRun(dir, [], dir).error).toMatch(
      /declares profile types a host refuses: profile type "Bad Name": "type" must be a lower-case word/,
    );
  });
});

describe('findBin', () => {
  it('finds a bin of a package installed in a parent folder, by name or as the only one', () => {
    const pkg = join(dir, 'node_modules', '@acme', 'tool');
    mkdirSync(join(dir, 'project', 'src'), { recursive: true });
    mkdirSync(pkg, { recursive: true });
    writeFileSync(
      join(pkg, 'package.json'),
      JSON.stringify({ name: '@acme/tool', bin: { acme: './bin/acme.js' } }),
    );
    expect(findBin('@acme/tool', { from: join(dir, 'project', 'src') })).toBe(join(pkg, 'bin', 'acme.js'));
    expect(() => findBin('@acme/tool', { from: dir, name: 'other' })).not.toThrow();
    expect(() => findBin('@acme/missing', { from: dir })).toThrow(/@acme\/missing is not installed/);
  });
});
