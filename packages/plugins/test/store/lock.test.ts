import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireLock } from '../../src/store/lock';
import {
  backdate,
  deadPid,
  race,
  sleeper,
  startLockChild,
  thrown,
  writeLockChild,
  type LockChild,
} from '../helpers/lockChildren';

const ROUNDS = 40;
let root: string;
let script: string;
let dir: string;
let round = 0;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'edict-lock-'));
  script = writeLockChild(root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => {
  dir = join(root, `plugins-${round++}`);
  mkdirSync(dir);
});

const lock = (): string => join(dir, '.lock');
const tmpDirs = (): string[] => readdirSync(dir).filter((name) => name.startsWith('.lock-tmp-'));
const sorted = (results: string[]): string[] => [...results].sort();
const ONE_WINNER = ['EDICT_PLUGINS_LOCKED', 'EDICT_PLUGINS_LOCKED', 'EDICT_PLUGINS_LOCKED', 'won'];
const startFour = (): Promise<LockChild[]> =>
  Promise.all([0, 1, 2, 3].map(() => startLockChild(script, dir, 'install')));

// The same 4 processes race in every round: starting 4 new ones per round takes over a minute on a busy
// machine.
test(
  '4 processes racing for a free lock: exactly one wins, the others ' + 'get EDICT_PLUGINS_LOCKED',
  async () => {
    const children = await startFour();
    try {
      for (let i = 0; i < ROUNDS; i++) {
        const results = await race(children);
        expect({ round: i, results: sorted(results) }).toEqual({ round: i, results: ONE_WINNER });
        const winner = children[results.indexOf('won')]!;
        winner.send('release');
        expect(await winner.next()).toBe('released');
        expect(existsSync(lock())).toBe(false);
        expect(tmpDirs()).toEqual([]);
      }
    } finally {
      await Promise.all(children.map((child) => child.kill()));
    }
  },
);

test('4 processes racing for a lock left by a SIGKILLed holder: exactly one takes it over', async () => {
  const first = await startLockChild(script, dir, 'install', true);
  expect(await first.next()).toBe('won');
  await first.kill();
  const children = await startFour();
  try {
    // Each round's winner is killed while holding, leaving a stale lock for the next round.
    for (let i = 0; i < ROUNDS; i++) {
      const results = await race(children);
      expect({ round: i, results: sorted(results) }).toEqual({ round: i, results: ONE_WINNER });
      expect(readdirSync(lock()).filter((name) => name.startsWith('owner-'))).toHaveLength(1);
      const w = results.indexOf('won');
      await children[w]!.kill();
      children[w] = await startLockChild(script, dir, 'install');
    }
  } finally {
    await Promise.all(children.map((child) => child.kill()));
  }
});

describe('a lock file of the previous format', () => {
  test('empty or garbled and older than 2 s: recovered; younger: held', () => {
    for (const content of ['', '{"pid":']) {
      writeFileSync(lock(), content);
      expect(thrown(() => acquireLock(dir, 'update', 'mycli'))).toMatchObject({
        code: 'EDICT_PLUGINS_LOCKED',
        hint: 'Run the command again in a few seconds.',
      });
      backdate(lock(), 3);
      acquireLock(dir, 'update', 'mycli')();
      expect(existsSync(lock())).toBe(false);
    }
  });

  test('naming a dead pid: recovered; naming a live pid: held', async () => {
    writeFileSync(
      lock(),
      JSON.stringify({ pid: await deadPid(), startedAt: new Date().toISOString(), operation: 'install' }),
    );
    acquireLock(dir, 'update', 'mycli')();
    const holder = sleeper();
    try {
      writeFileSync(
        lock(),
        JSON.stringify({ pid: holder.pid, startedAt: new Date().toISOString(), operation: 'install' }),
      );
      const err = thrown(() => acquireLock(dir, 'update', 'mycli'));
      expect(err).toMatchObject({
        code: 'EDICT_PLUGINS_LOCKED',
        hint: `Wait for pid ${holder.pid} (install) to finish, then run the command again.`,
      });
    } finally {
      await holder.stop();
    }
  });
});

test('an empty .lock folder (a holder killed while releasing) is free', () => {
  mkdirSync(lock());
  const release = acquireLock(dir, 'install', 'mycli');
  expect(readdirSync(lock())).toEqual([expect.stringMatching(/^owner-[0-9a-f]+$/)]);
  release();
  expect(existsSync(lock())).toBe(false);
});

test(
  'a live holder gives EDICT_PLUGINS_LOCKED naming its pid, operation, ' + 'host and the lock, with a hint',
  async () => {
    const holder = await startLockChild(script, dir, 'install', true);
    try {
      expect(await holder.next()).toBe('won');
      const err = thrown(() => acquireLock(dir, 'uninstall', 'mycli'));
      expect(err.code).toBe('EDICT_PLUGINS_LOCKED');
      for (const part of [`install, pid ${holder.proc.pid} on host ${hostname()}`, lock()])
        expect(err.message).toContain(part);
      expect(err.hint).toBe(
        `Wait for pid ${holder.proc.pid} (install) to finish, then run the command again.`,
      );
    } finally {
      await holder.kill();
    }
  },
);

test("another host's lock is never taken over; its hint says how to remove it", async () => {
  mkdirSync(lock());
  writeFileSync(
    join(lock(), 'owner-ab12'),
    JSON.stringify({
      host: 'elsewhere.example',
      pid: await deadPid(),
      startedAt: 'x',
      operation: 'link',
      nonce: 'ab12',
    }),
  );
  const err = thrown(() => acquireLock(dir, 'install', 'mycli'));
  expect(err).toMatchObject({
    code: 'EDICT_PLUGINS_LOCKED',
    hint:
      `If no mycli process runs on elsewhere.example, remove ${lock()}` +
      ` (rm -r ${lock()}), then run the command again.`,
  });
});

test('an unreadable owner file or stray content in .lock is held for 10 s, then recovered', () => {
  mkdirSync(lock());
  for (const stray of ['owner-cd34', 'not-an-owner']) {
    writeFileSync(join(lock(), stray), '{"pi');
    expect(thrown(() => acquireLock(dir, 'install', 'mycli')).code).toBe('EDICT_PLUGINS_LOCKED');
    backdate(join(lock(), stray), 11);
    backdate(lock(), 11);
    const release = acquireLock(dir, 'install', 'mycli');
    release();
    mkdirSync(lock());
  }
});

test(
  'leftover temp folders of dead processes, and any older than ' + 'an hour, are removed by the next acquire',
  async () => {
    const dead = await deadPid();
    const holder = sleeper();
    try {
      const names = {
        deadWithOwner: `.lock-tmp-${dead}-aa`,
        deadEmpty: `.lock-tmp-${dead}-bb`,
        live: `.lock-tmp-${holder.pid}-cc`,
        old: `.lock-tmp-${holder.pid}-dd`,
      };
      for (const name of Object.values(names)) mkdirSync(join(dir, name));
      writeFileSync(
        join(dir, names.deadWithOwner, 'owner-aa'),
        JSON.stringify({ host: hostname(), pid: dead, nonce: 'aa' }),
      );
      backdate(join(dir, names.old), 2 * 3600);
      acquireLock(dir, 'install', 'mycli')();
      expect(tmpDirs()).toEqual([names.live]);
    } finally {
      await holder.stop();
    }
  },
);

test('a lock that cannot be created gives EDICT_PLUGINS_FS naming the path, not an unexpected error', () => {
  writeFileSync(join(dir, 'file'), '');
  const err = thrown(() => acquireLock(join(dir, 'file', 'plugins'), 'install', 'mycli'));
  expect(err).toMatchObject({
    code: 'EDICT_PLUGINS_FS',
    message: expect.stringContaining(join(dir, 'file', 'plugins')),
  });
  expect(err.hint).toBeTruthy();
});
