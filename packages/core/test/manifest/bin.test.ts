import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runNode } from '../support/childCli';
import { HELLO_TREE, pluginFolder } from './pluginFolder';

const BIN = resolve(__dirname, '../../bin/edict-manifest.js');

describe('the edict-manifest bin', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));
  function plugin(
    files: Record<string, string>,
    pkg: Record<string, unknown> = { edict: { commands: './commands.json' } },
  ): string {
    const { dir, cleanup } = pluginFolder(pkg, files);
    cleanups.push(cleanup);
    return dir;
  }

  it('writes the manifest of the current folder and says what it wrote, relative to it', () => {
    const tree = [...HELLO_TREE, { name: 'hi', summary: 'x', handler: './handlers/world.js' }];
    const dir = plugin({ 'commands.json': JSON.stringify(tree) });
    const r = spawnSync(process.execPath, [BIN], { cwd: dir, encoding: 'utf8', timeout: 60000 });
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
      status: 0,
      stdout: 'Wrote edict.manifest.json: 2 commands (hello, hi)\n',
      stderr: '',
    });
    expect(JSON.parse(readFileSync(join(dir, 'edict.manifest.json'), 'utf8'))).toMatchObject({
      edictManifest: 1,
      name: 'demo-plugin',
      commands: tree,
    });
  });

  it('writes the manifest of a folder given elsewhere, naming the file in full', () => {
    const dir = plugin({ 'commands.json': JSON.stringify(HELLO_TREE) });
    expect(runNode(BIN, [dir])).toEqual({
      status: 0,
      stdout: `Wrote ${join(dir, 'edict.manifest.json')}: 1 command (hello)\n`,
      stderr: '',
    });
  });

  it('prints warnings on stderr and still succeeds', () => {
    const dir = plugin(
      { 'commands.json': JSON.stringify(HELLO_TREE) },
      { files: ['handlers'], edict: { commands: './commands.json' } },
    );
    const r = runNode(BIN, [dir]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      'Warning: package.json "files" does not include edict.manifest.json: ' +
        'npm pack would leave the manifest out; add "edict.manifest.json" ' +
        'to "files"\n',
    );
  });

  it('exits 1 with the problems and a hint on a broken plugin, writing nothing', () => {
    const dir = plugin({
      'commands.json': JSON.stringify([{ name: 'hi', summary: 'x', handler: '/etc/hi.js' }]),
    });
    const r = runNode(BIN, [dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `Error: Cannot write the command manifest of ${dir}` +
        `:\n  - command 0 "hi": "handler" must be a path relative to ` +
        `the plugin root\n` +
        'Try: Fix the command definitions in ./commands.json (build them ' +
        'first if they are compiled), then run edict-manifest again\n',
    );
    expect(existsSync(join(dir, 'edict.manifest.json'))).toBe(false);
  });

  it('prints its usage with --help, and refuses unknown options with exit code 2', () => {
    expect(runNode(BIN, ['--help'])).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(/^Usage: edict-manifest \[folder\]\n/),
      stderr: '',
    });
    expect(runNode(BIN, ['--force'])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/^Error: unknown option --force\n\nUsage:/),
    });
  });
});
