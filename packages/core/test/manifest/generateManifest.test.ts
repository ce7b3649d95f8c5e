/**
 * generateManifest runs in a child process on the built lib: it import()s the definitions, which
 * jest's module system cannot do.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_LIB, requireBuilt } from '../support/childCli';
import { HELLO_TREE, pluginFolder } from './pluginFolder';

type Outcome =
  | { file: string; manifest: unknown; warnings: string[] }
  | { error: { code: string; message: string; hint?: string } };

function generate(dir: string): Outcome {
  const program =
    `require(${JSON.stringify(requireBuilt(CORE_LIB))}).generateManifest(${JSON.stringify(dir)}` +
    `).then(
    (r) => process.stdout.write(JSON.stringify(r)),
 ` +
    `   (e) => process.stdout.write(JSON.stringify({ error: { code: ` +
    `e.code, message: e.message, hint: e.hint } })));`;
  const child = spawnSync(process.execPath, ['-e', program], { encoding: 'utf8', timeout: 60000 });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout) as Outcome;
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function plugin(pkg: Record<string, unknown>, files: Record<string, string>): string {
  const { dir, cleanup } = pluginFolder(pkg, files);
  cleanups.push(cleanup);
  return dir;
}

const expected = { edictManifest: 1, name: 'demo-plugin', version: '1.2.3', commands: HELLO_TREE };

describe('generateManifest', () => {
  it('writes edict.manifest.json from a CommonJS definitions module', () => {
    const dir = plugin(
      { edict: { commands: './commands.js' } },
      { 'commands.js': `exports.commands = ${JSON.stringify(HELLO_TREE)};` },
    );
    const r = generate(dir);
    expect(r).toEqual({ file: join(dir, 'edict.manifest.json'), manifest: expected, warnings: [] });
    expect(readFileSync(join(dir, 'edict.manifest.json'), 'utf8')).toBe(
      `${JSON.stringify(expected, null, 2)}\n`,
    );
  });

  it('loads an ESM definitions module, taking a default export when there is no commands export', () => {
    const dir = plugin(
      { type: 'module', edict: { commands: './commands.js' } },
      { 'commands.js': `export default ${JSON.stringify(HELLO_TREE)};` },
    );
    expect(generate(dir)).toMatchObject({ manifest: expected });
    const named = plugin(
      { edict: { commands: './lib/commands.mjs' } },
      { 'lib/commands.mjs': `export const commands = ${JSON.stringify(HELLO_TREE)};` },
    );
    expect(generate(named)).toMatchObject({ manifest: expected });
  });

  it('reads a .json definitions file, and writes where package.json edict.manifest says', () => {
    const dir = plugin(
      { edict: { commands: './commands.json', manifest: 'lib/manifest.json' } },
      { 'commands.json': JSON.stringify(HELLO_TREE) },
    );
    expect(generate(dir)).toMatchObject({ file: join(dir, 'lib', 'manifest.json'), manifest: expected });
    expect(existsSync(join(dir, 'edict.manifest.json'))).toBe(false);
  });

  it('refuses a function handler and writes nothing', () => {
    const dir = plugin(
      { edict: { commands: './commands.js' } },
      { 'commands.js': `exports.commands = [{ name: 'hi', summary: 'x', handler: () => require('./h') }];` },
    );
    const r = generate(dir);
    expect(r).toEqual({ error: expect.objectContaining({ code: 'EDICT_MANIFEST_INVALID' }) });
    expect('error' in r && r.error.message).toContain(
      'command 0 "hi": "handler" must be a path; handlers are loaded only when their command runs',
    );
    expect(existsSync(join(dir, 'edict.manifest.json'))).toBe(false);
  });

  it('refuses a handler path that escapes the plugin root, listing every problem with a hint', () => {
    const tree = [
      { name: 'hi', summary: 'x', handler: '../outside.js' },
      { name: 'bad name', summary: 'x', handler: 'h.js' },
    ];
    const r = generate(
      plugin({ edict: { commands: './commands.json' } }, { 'commands.json': JSON.stringify(tree) }),
    );
    if (!('error' in r)) throw new Error('expected an error');
    expect(r.error.message.split('\n').slice(1)).toEqual([
      '  - command 0 "hi": "handler" must be a path relative to the plugin root',
      '  - command 1 "bad name": "name" must be a word of letters, digits and dashes',
    ]);
    expect(r.error.hint).toMatch(/commands\.json.*edict-manifest again/);
  });

  it('says what is missing: package.json fields, the definitions file, a commands export', () => {
    const none = generate(plugin({ name: undefined, edict: undefined }, {}));
    expect(none).toMatchObject({ error: { code: 'EDICT_MANIFEST_INVALID' } });
    expect('error' in none && none.error.message).toMatch(
      /"name" must be a non-empty string\n.*no "edict": \{ "commands"/,
    );
    expect(generate(plugin({ edict: { commands: './nope.js' } }, {}))).toMatchObject({
      error: { message: expect.stringMatching(/nope\.js do not exist/) },
    });
    const empty = plugin({ edict: { commands: './c.js' } }, { 'c.js': 'exports.other = 1;' });
    expect(generate(empty)).toMatchObject({
      error: { message: expect.stringContaining('exports no "commands"') },
    });
  });

  it('warns when package.json files leaves the manifest out, or a handler file is missing', () => {
    const tree = [...HELLO_TREE, { name: 'later', summary: 'x', handler: './lib/later.js' }];
    const dir = plugin(
      { files: ['commands.js', 'handlers'], edict: { commands: './commands.js' } },
      { 'commands.js': `exports.commands = ${JSON.stringify(tree)};` },
    );
    expect(generate(dir)).toMatchObject({
      warnings: [
        'package.json "files" does not include edict.manifest.json: npm ' +
          'pack would leave the manifest out; add "edict.manifest.json" to "files"',
        'the handler of "later" does not exist: ./lib/later.js',
      ],
    });
    const listed = plugin(
      { files: ['*.json', 'handlers'], edict: { commands: './c.json' } },
      { 'c.json': JSON.stringify(HELLO_TREE) },
    );
    expect(generate(listed)).toMatchObject({ warnings: [] });
  });
});
