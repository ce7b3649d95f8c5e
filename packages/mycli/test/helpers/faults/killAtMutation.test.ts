import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const KILL_AT_MUTATION = resolve(__dirname, 'killAtMutation.cjs');

// The preload itself, on a script whose mutations are known: each marker line `after <i>` is
// printed once mutation i returned, called back or resolved.
const SCRIPT =
  `
const fs = require('node:fs');
const path = require('node:path');
const ` +
  `{ spawnSync } = require('node:child_process');
const [inside, ` +
  `outside] = process.argv.slice(2);
const at = (...p) => path.join(inside, ` +
  `...p);
const done = (i) => process.stdout.write('after ' + i ` +
  `+ '\\n');
(async () => {
  fs.writeFileSync(path.join(outside, ` +
  `'o1'), 'x');
  fs.writeFileSync(at('a'), 'x'); done(1);
  fs.mkdirSync(at('d', ` +
  `'e'), { recursive: true }); done(2);
  fs.mkdirSync(at('d', ` +
  `'e'), { recursive: true });
  fs.readFileSync(at('a'));
  await ` +
  `new Promise((resolve, reject) => fs.rename(at('a'), at('d', ` +
  `'a'), (err) => (err ? reject(err) : resolve()))); done(3);
 ` +
  ` await fs.promises.copyFile(at('d', 'a'), path.join(outside, ` +
  `'copy')); done(4);
  const fd = fs.openSync(at('f'), 'w'); done(5);
 ` +
  ` fs.writeSync(fd, 'data'); done(6);
  fs.closeSync(fd); done(7);
 ` +
  ` fs.closeSync(fs.openSync(at('d', 'a'), 'r'));
  await fs.promises.unlink(at('f')); ` +
  `done(8);
  spawnSync(process.execPath, ['-e', 'require("node:fs").writeFileSync(' ` +
  `+ JSON.stringify(at('child')) + ', "x")']);
  const handle = ` +
  `await fs.promises.open(at('h'), 'w'); done(9);
  await handle.write('x'); ` +
  `done(10);
  await handle.close(); done(11);
  const stream = ` +
  `fs.createWriteStream(at('s'));
  await new Promise((resolve) ` +
  `=> stream.on('close', resolve).end('x')); done(14);
  fs.renameSync(path.join(outside, ` +
  `'o1'), path.join(outside, 'o2'));
})();
`;

const EXPECTED = (outside: string): string[] => [
  '1 writeFile a',
  '2 mkdir d/e',
  '3 rename a → d/a',
  `4 copyFile d/a → ${join(outside, 'copy')}`,
  '5 open f w',
  '6 write f',
  '7 close f',
  '8 unlink f',
  '9 filehandle.open h w',
  '10 filehandle.write h',
  '11 filehandle.close h',
  '12 open s w',
  '13 write s',
  '14 close s',
];
const MARKERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14];

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'edict-faults-'));
  writeFileSync(join(root, 'script.js'), SCRIPT);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs the script with the preload in fresh inside/outside folders. */
function runScript(killAt: number): Promise<{
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  dirs: Record<'inside' | 'outside' | 'count' | 'log', string>;
}> {
  const base = mkdtempSync(join(root, 'run-'));
  const dirs = {
    inside: join(base, 'inside'),
    outside: join(base, 'outside'),
    count: join(base, 'count'),
    log: join(base, 'log'),
  };
  mkdirSync(dirs.inside);
  mkdirSync(dirs.outside);
  const env = {
    PATH: process.env.PATH ?? '',
    NODE_OPTIONS: `--require ${KILL_AT_MUTATION}`,
    EDICT_FAULT_DIR: dirs.inside,
    EDICT_FAULT_KILL_AT: String(killAt),
    EDICT_FAULT_COUNT_FILE: dirs.count,
    EDICT_FAULT_LOG: dirs.log,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'script.js'), dirs.inside, dirs.outside], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('close', (status, signal) => resolve({ status, signal, stdout, stderr, dirs }));
  });
}

describe('the killAtMutation preload', () => {
  test(
    'counts the mutations inside the folder (sync, callback, promise, ' +
      'fd, file handle, stream), not those outside, reads, or a child process',
    async () => {
      const r = await runScript(0);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(readFileSync(r.dirs.log, 'utf8').trim().split('\n')).toEqual(EXPECTED(r.dirs.outside));
      expect(readFileSync(r.dirs.count, 'utf8')).toBe('14 close s\n');
      expect(existsSync(join(r.dirs.inside, 'child'))).toBe(true);
      expect(existsSync(join(r.dirs.outside, 'o2'))).toBe(true);
    },
  );

  test('SIGKILLs the process right after mutation N completes, before its caller sees it', async () => {
    const runs = await Promise.all(EXPECTED('').map((_, i) => runScript(i + 1)));
    const outcomes = runs.map((r, i) => ({
      n: i + 1,
      signal: r.signal,
      count: readFileSync(r.dirs.count, 'utf8').split(' ')[0],
      stdout: r.stdout,
    }));
    expect(outcomes).toEqual(
      outcomes.map(({ n }) => ({
        n,
        signal: 'SIGKILL',
        count: String(n),
        stdout: MARKERS.filter((m) => m < n)
          .map((m) => `after ${m}\n`)
          .join(''),
      })),
    );
    // killed after the rename: a is moved, f never opened
    const afterRename = runs[2]!.dirs.inside;
    expect([
      existsSync(join(afterRename, 'a')),
      existsSync(join(afterRename, 'd', 'a')),
      existsSync(join(afterRename, 'f')),
    ]).toEqual([false, true, false]);
  });
});
