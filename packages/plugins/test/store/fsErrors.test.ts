import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EdictError } from '@edict/core';
import { explainFsError } from '../../src/store/fsErrors';

// Real errors from real fs calls (tests run as root here, so EACCES/EROFS cannot be produced by
// permissions: those use an error shaped as Node's).
let root: string;
let pluginsDir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'edict-fserrors-'));
  pluginsDir = join(root, 'plugins');
  mkdirSync(pluginsDir);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

/** The error `fn` throws. */
function thrownBy(fn: () => unknown): NodeJS.ErrnoException {
  try {
    fn();
  } catch (err) {
    return err as NodeJS.ErrnoException;
  }
  throw new Error('expected a throw');
}

function explained(err: unknown): EdictError {
  const out = explainFsError(err, pluginsDir, 'mycli');
  expect(out).toBeInstanceOf(EdictError);
  const e = out as EdictError;
  expect(e.code).toBe('EDICT_PLUGINS_FS');
  expect(e.message).not.toMatch(/\n/);
  expect(e.hint).toBeDefined();
  expect((e as Error & { cause?: unknown }).cause).toBe(err);
  return e;
}

/** Runs the `mv a b` of a hint exactly as printed (no shell: the paths hold no spaces here). */
function runMoveOf(hint: string): [string, string] {
  const m = /\(mv (\S+) (\S+)\), then run: mycli plugins doctor$/.exec(hint);
  expect(m).not.toBeNull();
  execFileSync('mv', [m![1]!, m![2]!]);
  return [m![1]!, m![2]!];
}

describe('explainFsError with real errors', () => {
  test('ENOTDIR from mkdir under a file: names the file, and the hint moves it aside as printed', () => {
    const installed = join(pluginsDir, 'installed');
    writeFileSync(installed, 'a file');
    const raw = thrownBy(() => mkdirSync(join(installed, 'x')));
    expect(raw.code).toBe('ENOTDIR');
    const e = explained(raw);
    expect(e.message).toContain(`${installed} is a file where a folder belongs`);
    expect(e.details).toMatchObject({ path: join(installed, 'x'), code: 'ENOTDIR', syscall: 'mkdir' });
    expect(e.hint).toBe(`Move it away (mv ${installed} ${installed}.bak), then run: mycli plugins doctor`);
    const [, to] = runMoveOf(e.hint!);
    expect(readFileSync(to, 'utf8')).toBe('a file');
    mkdirSync(join(installed, 'x'), { recursive: true });
  });

  test('ENOTDIR deeper down (recursive mkdir, readdir of a file) finds the file in the way', () => {
    const file = join(pluginsDir, 'installed');
    writeFileSync(file, 'a file');
    for (const raw of [
      thrownBy(() => mkdirSync(join(file, 'a', 'b'), { recursive: true })),
      thrownBy(() => readdirSync(file)),
    ]) {
      expect(raw.code).toBe('ENOTDIR');
      expect(explained(raw).hint).toBe(
        `Move it away (mv ${file} ${file}.bak), then run: mycli plugins doctor`,
      );
    }
  });

  test('EISDIR from writing where a folder stands: names the folder and moves it aside as printed', () => {
    const index = join(pluginsDir, 'index.json');
    mkdirSync(index);
    const raw = thrownBy(() => writeFileSync(index, '{}'));
    expect(raw.code).toBe('EISDIR');
    const e = explained(raw);
    expect(e.message).toContain(`${index} is a folder where a file belongs`);
    runMoveOf(e.hint!);
    writeFileSync(index, '{}');
  });

  test('EISDIR from reading a folder names no path: the hint never moves the whole plugins folder', () => {
    const record = join(pluginsDir, 'plugins.json');
    mkdirSync(record);
    const raw = thrownBy(() => readFileSync(record));
    expect(raw.code).toBe('EISDIR');
    expect(raw.path).toBeUndefined();
    const e = explained(raw);
    expect(e.hint).not.toContain(`mv ${pluginsDir}`);
    expect(e.hint).toBe(
      `Look for a file where a folder belongs or the reverse (ls -la ${pluginsDir}` +
        `), then run: mycli plugins doctor`,
    );
    expect(e.message).toContain(`something under ${pluginsDir} is in the way (EISDIR)`);
  });

  test(
    'EEXIST (mkdir of an existing folder) and ENOTEMPTY (rmdir, rename ' +
      'onto a full folder) name the path',
    () => {
      const lock = join(pluginsDir, '.lock');
      mkdirSync(join(lock, 'inside'), { recursive: true });
      const exist = thrownBy(() => mkdirSync(lock));
      expect(exist.code).toBe('EEXIST');
      expect(explained(exist).hint).toBe(
        `Move it away (mv ${lock} ${lock}.bak), then run: mycli plugins doctor`,
      );
      const notEmpty = thrownBy(() => rmdirSync(lock));
      expect(notEmpty.code).toBe('ENOTEMPTY');
      expect(explained(notEmpty).message).toContain(`${lock} is in the way`);
      mkdirSync(join(pluginsDir, 'other', 'x'), { recursive: true });
      const rename = thrownBy(() => renameSync(join(pluginsDir, 'other'), lock));
      expect(['ENOTEMPTY', 'EEXIST']).toContain(rename.code);
      expect(explained(rename).hint).toMatch(
        /^Move it away \(mv \S+ \S+\.bak\), then run: mycli plugins doctor$/,
      );
    },
  );
});

describe("explainFsError with errors shaped as Node's", () => {
  const nodeError = (code: string, errno: number, syscall: string, path?: string): NodeJS.ErrnoException =>
    Object.assign(new Error(`${code}: ${syscall} '${path}'`), {
      code,
      errno,
      syscall,
      ...(path ? { path } : {}),
    });

  test('EACCES and EPERM: permission, the folder to check and the override', () => {
    for (const [code, errno] of [
      ['EACCES', -13],
      ['EPERM', -1],
    ] as const) {
      const e = explained(nodeError(code, errno, 'open', join(pluginsDir, 'plugins.json')));
      expect(e.message).toBe(
        `Cannot open ${join(pluginsDir, 'plugins.json')}: ` +
          (code === 'EACCES' ? 'permission denied on' : 'the operation is not permitted on') +
          ` ${join(pluginsDir, 'plugins.json')}. Nothing was changed.`,
      );
      expect(e.hint).toBe(
        `Make ${pluginsDir} writable for you (ls -ld ${pluginsDir}` +
          `), or point MYCLI_PLUGINS_DIR at a folder you own.`,
      );
      expect(e.details).toEqual({ path: join(pluginsDir, 'plugins.json'), code, syscall: 'open' });
    }
  });

  test('EROFS: a read-only disk, and where to point the plugins folder', () => {
    const e = explained(nodeError('EROFS', -30, 'mkdir', join(pluginsDir, '.staging')));
    expect(e.message).toContain(`${join(pluginsDir, '.staging')} is on a read-only file system`);
    expect(e.hint).toBe('Point MYCLI_PLUGINS_DIR at a writable folder.');
  });

  test('a path-less error falls back to the plugins folder', () => {
    const e = explained(nodeError('ENOSPC', -28, 'write'));
    expect(e.message).toBe(
      `Cannot write ${pluginsDir}: the disk is full (writing ${pluginsDir}). Nothing was changed.`,
    );
  });

  test('what is not a known fs error is returned as it is', () => {
    const edict = new EdictError('EDICT_PLUGINS_LOCKED', 'held');
    expect(explainFsError(edict, pluginsDir, 'mycli')).toBe(edict);
    const missing = thrownBy(() => readFileSync(join(pluginsDir, 'nothing')));
    expect(missing.code).toBe('ENOENT');
    expect(explainFsError(missing, pluginsDir, 'mycli')).toBe(missing);
    for (const other of [new Error('plain'), 'text', null, undefined, { code: 42 }])
      expect(explainFsError(other, pluginsDir, 'mycli')).toBe(other);
  });
});
