import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_LIB, requireBuilt, tempDir } from '../support/childCli';

// runMain writes to a pipe or a file with writeSync, without creating process.stdout; these run
// a small CLI under runMain in a child process, its stdout a real pipe, and check every byte.
let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('edict-output'));
  const core = JSON.stringify(requireBuilt(CORE_LIB));
  // `mixed` writes through ctx.out and console.log in turn; `flood` writes N numbered lines.
  writeFileSync(
    join(dir, 'mixed.js'),
    `exports.handler = (ctx) => { ctx.out.text('one'); console.log('two'); ` +
      `ctx.out.text('three'); process.stdout.write('four\\n'); ctx.out.text('five'); };\n`,
  );
  writeFileSync(
    join(dir, 'flood.js'),
    `exports.handler = (ctx) => { for (let i = 0; i < 20000; i++) ` +
      `ctx.out.text('line ' + i + ' ' + 'x'.repeat(60)); ctx.out.info('done'); };\n`,
  );
  writeFileSync(
    join(dir, 'modules.js'),
    `exports.handler = (ctx) => { ctx.out.text('hi'); ctx.out.info(JSON.stringify(` +
      `process.moduleLoadList.filter((m) => /^NativeModule (net|tty|stream|crypto)$/.test(m)))); };\n`,
  );
  // pnpm's layout: node_modules/linked is a symlink; its dependency sits beside its real folder.
  const store = join(dir, 'store', 'node_modules');
  mkdirSync(join(store, 'linked'), { recursive: true });
  mkdirSync(join(store, 'dep'));
  writeFileSync(join(store, 'linked', 'index.js'), `module.exports = require('dep');\n`);
  writeFileSync(join(store, 'dep', 'index.js'), `module.exports = 'dep through the link';\n`);
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(join(store, 'linked'), join(dir, 'node_modules', 'linked'), 'dir');
  writeFileSync(join(dir, 'linked.js'), `exports.handler = (ctx) => { ctx.out.text(require('linked')); };\n`);
  const commands = ['mixed', 'flood', 'modules', 'linked'].map((name) => ({
    name,
    summary: name,
    handler: join(dir, `${name}.js`),
  }));
  // NONBLOCK=1 opens fd 1 as a socket first, which makes the pipe non-blocking for everyone.
  writeFileSync(
    join(dir, 'cli.js'),
    `if (process.env.NONBLOCK) new (require('net').Socket)({ fd: 1, readable: false });\n` +
      `const core = require(${core});\n` +
      `const options = { name: 'out', version: '1.0.0', home: ${JSON.stringify(join(dir, 'home'))} };\n` +
      `core.runMain(core.createCli({ ...options, commands: ${JSON.stringify(commands)} }));\n`,
  );
});
afterEach(() => cleanup());

/** Runs the CLI through bash, its stdout piped into `reader`. */
function viaShell(command: string, reader: string, env: Record<string, string> = {}) {
  const cli = `"${process.execPath}" "${join(dir, 'cli.js')}" ${command}`;
  return spawnSync(
    'bash',
    ['--norc', '--noprofile', '-c', `${cli} | ${reader}; echo "status:\${PIPESTATUS[0]}" >&2`],
    {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', ...env },
      timeout: 60000,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
}

const floodLines = Array.from({ length: 20000 }, (_, i) => `line ${i} ${'x'.repeat(60)}`);

describe('output of a run on a pipe', () => {
  it('keeps the order of what the CLI and a handler’s console.log write', () => {
    const r = viaShell('mixed', 'cat');
    expect(r.stdout).toBe('one\ntwo\nthree\nfour\nfive\n');
    expect(r.stderr).toContain('status:0');
  });

  it('writes all of a large output to a reader that is slower than the writer', () => {
    const r = viaShell('flood', '(sleep 0.3; cat)');
    expect(r.stdout.split('\n').slice(0, -1)).toEqual(floodLines);
    expect(r.stderr).toContain('done');
    expect(r.stderr).toContain('status:0');
  });

  it('falls back to the stream, losing nothing, when the pipe is non-blocking and full', () => {
    const r = viaShell('flood', '(sleep 0.3; cat)', { NONBLOCK: '1' });
    expect(r.stdout.split('\n').slice(0, -1)).toEqual(floodLines);
    expect(r.stderr).toContain('status:0');
    expect(r.stderr).not.toMatch(/EAGAIN|Error/);
  });

  it('stops quietly when the reader goes away (EPIPE)', () => {
    const r = viaShell('flood', 'head -2');
    expect(r.stdout).toBe(`${floodLines.slice(0, 2).join('\n')}\n`);
    expect(r.stderr).toContain('status:0');
    expect(r.stderr).not.toMatch(/EPIPE|Error|\s+at /);
  });

  it('still resolves a package through a symlink, as pnpm installs them', () => {
    const r = viaShell('linked', 'cat');
    expect(r.stdout).toBe('dep through the link\n');
    expect(r.stderr).toContain('status:0');
  });

  it('loads no stream, terminal or crypto module of Node to write to a pipe', () => {
    const r = viaShell('modules', 'cat');
    expect(r.stdout).toBe('hi\n');
    expect(r.stderr).toMatch(/^\[\]$/m);
  });
});
