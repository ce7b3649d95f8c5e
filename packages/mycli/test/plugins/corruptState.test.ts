import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRegistry, type TestRegistry } from '../../../testing/src';
import { makeSandbox, readRecord, warningLines, type CliRun, type Sandbox } from '../helpers/cliSandbox';
import { writePlugin } from '../helpers/fixturePlugin';

// End-to-end: every bad state of the plugins folder, through the built mycli against a real
// verdaccio. Two plugins are installed once; each case restores that pristine folder (same path:
// plugins.json holds absolute paths), damages it, and checks what the user sees and what happens next.
const A = 'mycli-plugin-corra';
const B = 'mycli-plugin-corrb';
const C = 'mycli-plugin-corrc';
const line = (name: string): string => `${name}@1.0.0 run\n`;

let registry: TestRegistry;
let work: string;
let s: Sandbox;
let pristine: string;
let pristineRecord: Buffer;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'mycli-e2e-corrupt-'));
  registry = await startRegistry();
  for (const name of [A, B, C])
    await registry.publish(writePlugin(join(work, 'published'), { name, version: '1.0.0' }));
  s = makeSandbox(registry.npmrcPath, join(work, 'npm-cache'));
  const r = await s.run(['plugins', 'install', A, B]);
  if (r.status !== 0) throw new Error(`setup install failed:\n${r.stdout}\n${r.stderr}`);
  pristine = join(work, 'pristine');
  cpSync(s.pluginsDir, pristine, { recursive: true });
  pristineRecord = readFileSync(join(pristine, 'plugins.json'));
});

afterAll(async () => {
  s?.cleanup();
  await registry?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Puts the pristine plugins folder (A and B installed) back in place. */
function restore(): void {
  rmSync(s.pluginsDir, { recursive: true, force: true });
  cpSync(pristine, s.pluginsDir, { recursive: true });
}

const recordPath = (): string => join(s.pluginsDir, 'plugins.json');

/** Lines that tell the user about a problem: warnings and errors. */
const problemLines = (r: CliRun): string[] =>
  `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => /^(Warning|Error):/.test(l));

/** No run ever shows "Unexpected error", and at most `max` lines about the problem. */
function expectClear(r: CliRun, max = 1): void {
  const all = `${r.stdout}\n${r.stderr}`;
  expect(all).not.toMatch(/Unexpected error/);
  expect(problemLines(r).length).toBeLessThanOrEqual(max);
}

const backups = (): string[] =>
  readdirSync(s.pluginsDir).filter((n) => n.startsWith('plugins.json.damaged-'));

/** The record as it should be after a repair: exactly the plugins installed. */
function expectRecordOf(names: string[]): void {
  const record = readRecord(s.pluginsDir).plugins;
  expect(Object.keys(record).sort()).toEqual([...names].sort());
  for (const name of names) {
    expect(record[name]).toMatchObject({ name, version: '1.0.0', source: 'registry' });
    expect(existsSync(record[name]!.location)).toBe(true);
  }
}

const pristineObject = (): { version: number; plugins: Record<string, Record<string, unknown>> } =>
  JSON.parse(pristineRecord.toString('utf8'));

/** The damaged records, by name: what plugins.json holds instead of the pristine record. */
const damages: [label: string, bytes: () => Buffer][] = [
  ['truncated to half its bytes', () => pristineRecord.subarray(0, Math.floor(pristineRecord.length / 2))],
  ['garbled', () => Buffer.from('{ not json')],
  ['empty', () => Buffer.alloc(0)],
  ['[]', () => Buffer.from('[]')],
  ['"x"', () => Buffer.from('"x"')],
  ['null', () => Buffer.from('null')],
  [
    'an entry null',
    () => {
      const o = pristineObject();
      o.plugins[B] = null as unknown as Record<string, unknown>;
      return Buffer.from(JSON.stringify(o, null, 2));
    },
  ],
  [
    'an entry whose name is not its key',
    () => {
      const o = pristineObject();
      o.plugins[B] = { ...o.plugins[B], name: 'someone-else' };
      return Buffer.from(JSON.stringify(o, null, 2));
    },
  ],
];

describe('a damaged plugins.json', () => {
  test.each(
    damages.map(([label, bytes], i) => [label, i % 2 === 0 ? 'install' : 'uninstall', bytes] as const),
  )(
    '%s: runs recover it in memory with one warning; the next %s moves it aside and rewrites it',
    async (_label, op, bytes) => {
      restore();
      const damaged = bytes();
      writeFileSync(recordPath(), damaged);

      const run = await s.run([A.replace('mycli-plugin-', ''), 'run']);
      expectClear(run);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(line(A));
      const [warning] = warningLines(run.stderr);
      expect(warning).toContain(`${recordPath()} is damaged`);
      expect(warning).toContain('mycli plugins doctor');

      const list = await s.json<{ name: string; health: string }[]>(['plugins', 'list']);
      expect(list.stderr).not.toMatch(/Unexpected error/);
      expect(list.exitCode).toBe(0);
      expect(list.data.map((p) => [p.name, p.health])).toEqual([
        [A, 'ok'],
        [B, 'ok'],
      ]);
      expect(warningLines(list.stderr)).toHaveLength(1);

      // An operation: the startup warning (before it runs) and its own note naming the backup.
      const change =
        op === 'install' ? await s.run(['plugins', 'install', C]) : await s.run(['plugins', 'uninstall', B]);
      expectClear(change, 2);
      expect(change.status).toBe(0);
      const [backup, ...more] = backups();
      expect(more).toEqual([]);
      expect(backup).toBeDefined();
      const aside = join(s.pluginsDir, backup!);
      expect(`${change.stdout}${change.stderr}`).toContain(`moved to ${aside}`);
      expect(readFileSync(aside)).toEqual(damaged);
      const now = op === 'install' ? [A, B, C] : [A];
      expectRecordOf(now);

      // Afterwards all is quiet and every installed plugin runs.
      for (const name of now) {
        const r = await s.run([name.replace('mycli-plugin-', ''), 'run']);
        expect({ name, status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
          name,
          status: 0,
          stdout: line(name),
          stderr: '',
        });
      }
    },
  );

  test.each(damages)('%s: plugins doctor repairs it and says what it did', async (_label, bytes) => {
    restore();
    const damaged = bytes();
    writeFileSync(recordPath(), damaged);
    const doctor = await s.run(['plugins', 'doctor']);
    // The startup warning; the repair itself is reported on stdout.
    expectClear(doctor, 1);
    expect(doctor.status).toBe(0);
    const [backup] = backups();
    expect(doctor.stdout).toContain(`Repaired: ${recordPath()} is damaged`);
    expect(doctor.stdout).toContain(`moved to ${join(s.pluginsDir, backup!)}`);
    expect(doctor.stdout).toMatch(/^2 plugin\(s\), all usable\.$/m);
    expect(readFileSync(join(s.pluginsDir, backup!))).toEqual(damaged);
    expectRecordOf([A, B]);
    const again = await s.run(['plugins', 'doctor']);
    expect(again).toEqual({ status: 0, stdout: '2 plugin(s), all usable.\n', stderr: '' });
  });

  test('on a clean folder plugins doctor says nothing is wrong and changes nothing', async () => {
    restore();
    const doctor = await s.run(['plugins', 'doctor']);
    expect(doctor).toEqual({ status: 0, stdout: '2 plugin(s), all usable.\n', stderr: '' });
    expect(readFileSync(recordPath())).toEqual(pristineRecord);
    expect(backups()).toEqual([]);
  });
});

describe('a plugin whose own package.json is garbled', () => {
  test('list shows it broken with a reason; uninstall removes it', async () => {
    restore();
    const location = readRecord(s.pluginsDir).plugins[B]!.location;
    writeFileSync(join(location, 'package.json'), '{ garbled');
    const list = await s.json<{ name: string; health: string; problem?: string }[]>(['plugins', 'list']);
    expect(list.stderr).not.toMatch(/Unexpected error/);
    expect(list.exitCode).toBe(0);
    const b = list.data.find((p) => p.name === B);
    expect(b?.health).toBe('broken');
    expect(b?.problem).toMatch(/package\.json/);
    expect(list.data.find((p) => p.name === A)?.health).toBe('ok');

    const uninstall = await s.run(['plugins', 'uninstall', B]);
    expectClear(uninstall, 0);
    expect(uninstall.status).toBe(0);
    expect(uninstall.stdout).toBe(`Uninstalled ${B}@1.0.0\n`);
    expectRecordOf([A]);
    expect(existsSync(location)).toBe(false);
  });
});

describe('a file or folder where the other belongs', () => {
  test('.staging as a file is swept by the next install', async () => {
    restore();
    writeFileSync(join(s.pluginsDir, '.staging'), 'left over');
    const install = await s.run(['plugins', 'install', C]);
    expectClear(install, 0);
    expect(install.status).toBe(0);
    expect(existsSync(join(s.pluginsDir, '.staging'))).toBe(false);
    expectRecordOf([A, B, C]);
  });

  test(
    'index.json as a folder: runs rebuild the index in memory; install ' + 'and doctor move it aside',
    async () => {
      restore();
      const index = join(s.pluginsDir, 'index.json');
      const makeFolder = (): void => {
        rmSync(index, { recursive: true, force: true });
        mkdirSync(index);
        writeFileSync(join(index, 'keep.txt'), 'mine');
      };
      makeFolder();
      const run = await s.run(['corra', 'run']);
      expectClear(run);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(line(A));

      const install = await s.run(['plugins', 'install', C]);
      expectClear(install);
      expect(install.status).toBe(0);
      const moved = readdirSync(s.pluginsDir).filter((n) => n.startsWith('index.json.moved-'));
      expect(moved).toHaveLength(1);
      expect(warningLines(install.stderr).join('\n')).toContain(`moved to ${join(s.pluginsDir, moved[0]!)}`);
      expect(readFileSync(join(s.pluginsDir, moved[0]!, 'keep.txt'), 'utf8')).toBe('mine');
      expect(lstatSync(index).isFile()).toBe(true);
      expect((await s.run(['corrc', 'run'])).stdout).toBe(line(C));

      restore();
      makeFolder();
      const doctor = await s.run(['plugins', 'doctor']);
      expectClear(doctor, 0);
      expect(doctor.status).toBe(0);
      expect(doctor.stdout).toMatch(
        /^Repaired: .*index\.json was a folder; it was moved to .*index\.json\.moved-\d+$/m,
      );
      expect(lstatSync(index).isFile()).toBe(true);
      expect(await s.run(['plugins', 'doctor'])).toEqual({
        status: 0,
        stdout: '2 plugin(s), all usable.\n',
        stderr: '',
      });
    },
  );

  test(
    'installed as a file: install fails with EDICT_PLUGINS_FS naming ' +
      'it, nothing is lost, and the hint runs as printed',
    async () => {
      restore();
      const installed = join(s.pluginsDir, 'installed');
      rmSync(installed, { recursive: true, force: true });
      writeFileSync(installed, 'not a folder');
      const before = readFileSync(recordPath());

      const doc = await s.json(['plugins', 'install', C]);
      expect(doc.stderr).not.toMatch(/Unexpected error/);
      expect(doc.exitCode).toBe(1);
      expect(doc.error?.code).toBe('EDICT_PLUGINS_FS');
      expect(doc.error?.message).toContain(installed);
      expect(doc.error?.hint).toContain(installed);

      const text = await s.run(['plugins', 'install', C]);
      expectClear(text);
      const hints = text.stderr.split('\n').filter((l) => l.startsWith('Hint: '));
      expect(hints).toHaveLength(1);
      expect(readFileSync(installed, 'utf8')).toBe('not a folder');
      expect(readFileSync(recordPath())).toEqual(before);

      // Follow the hint as printed: "Move it away (mv <file> <file>.bak), then run: mycli plugins doctor".
      const m = /^Hint: Move it away \(mv (\S+) (\S+)\), then run: mycli (plugins doctor)$/.exec(hints[0]!);
      expect(m).not.toBeNull();
      expect(m![1]).toBe(installed);
      execFileSync('mv', [m![1]!, m![2]!]);
      const doctor = await s.run(m![3]!.split(' '));
      expectClear(doctor, 2); // A and B are gone with the folder: one line each, nothing unexpected
      expect(doctor.status).toBe(0);
      expect(readFileSync(`${installed}.bak`, 'utf8')).toBe('not a folder');
      const retry = await s.run(['plugins', 'install', C]);
      expectClear(retry, 0);
      expect(retry.status).toBe(0);
      expect((await s.run(['corrc', 'run'])).stdout).toBe(line(C));
    },
  );

  test(
    'plugins.json as a folder: startup works with one warning; an ' +
      'operation or doctor moves it aside, naming where',
    async () => {
      restore();
      rmSync(recordPath());
      mkdirSync(recordPath());
      writeFileSync(join(recordPath(), 'keep.txt'), 'mine');

      const run = await s.run(['corra', 'run']);
      expectClear(run);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(line(A));
      expect(warningLines(run.stderr)[0]).toContain('mycli plugins doctor');

      const list = await s.run(['plugins', 'list']);
      expectClear(list);
      expect(list.status).toBe(0);

      const uninstall = await s.run(['plugins', 'uninstall', B]);
      expectClear(uninstall, 2); // the startup warning, and the note naming where the folder went
      expect(uninstall.status).toBe(0);
      const [backup] = backups();
      expect(`${uninstall.stdout}${uninstall.stderr}`).toContain(`moved to ${join(s.pluginsDir, backup!)}`);
      expect(readFileSync(join(s.pluginsDir, backup!, 'keep.txt'), 'utf8')).toBe('mine');
      expectRecordOf([A]);

      restore();
      rmSync(recordPath());
      mkdirSync(recordPath());
      const doctor = await s.run(['plugins', 'doctor']);
      expectClear(doctor);
      expect(doctor.status).toBe(0);
      expect(doctor.stdout).toContain(`Repaired: ${recordPath()} is damaged: it is a folder, not a file`);
      expectRecordOf([A, B]);
    },
  );
});
