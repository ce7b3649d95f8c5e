import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeSandbox, readRecord, type Sandbox } from '../helpers/cliSandbox';
import { writePlugin } from '../helpers/fixturePlugin';

// Four `plugins install` processes started at once, on a free plugins folder and on one whose
// lock was left by a killed process: every install that reports success must be recorded, and
// every other one must be refused with EDICT_PLUGINS_LOCKED. EDICT_RACE_ROUNDS sets the rounds
// (the check is 40 of each).
const ROUNDS = Number(process.env.EDICT_RACE_ROUNDS ?? 6);
const LOCK_LIB = resolve(__dirname, '../../../plugins/lib/store/lock.js');

let work: string;
let plugins: string[];
const sandboxes: Sandbox[] = [];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'mycli-e2e-race-'));
  plugins = ['one', 'two', 'three', 'four'].map((g) =>
    writePlugin(join(work, 'fixtures'), { name: `mycli-plugin-race-${g}`, version: '1.0.0' }),
  );
});
afterAll(() => {
  for (const s of sandboxes) s.cleanup();
  rmSync(work, { recursive: true, force: true });
});

/** Leaves the lock of a process that took it and was then SIGKILLed. */
function leaveStaleLock(pluginsDir: string): void {
  const r = spawnSync(process.execPath, [
    '-e',
    `require(${JSON.stringify(LOCK_LIB)}).acquireLock(${JSON.stringify(pluginsDir)}` +
      `, 'install', 'mycli'); process.kill(process.pid, 'SIGKILL');`,
  ]);
  expect(r.signal).toBe('SIGKILL');
  expect(readdirSync(pluginsDir)).toContain('.lock');
}

async function round(stale: boolean): Promise<string[]> {
  const s = makeSandbox(undefined, join(work, 'npm-cache'));
  sandboxes.push(s);
  if (stale) leaveStaleLock(s.pluginsDir);
  const runs = await Promise.all(plugins.map((p) => s.json(['plugins', 'install', p])));
  const recorded = Object.keys(readRecord(s.pluginsDir).plugins);
  const problems: string[] = [];
  runs.forEach((r, i) => {
    const name = `mycli-plugin-race-${['one', 'two', 'three', 'four'][i]}`;
    if (r.exitCode === 0 && !recorded.includes(name))
      problems.push(`${name} reported success but is not recorded`);
    if (r.exitCode !== 0 && r.error?.code !== 'EDICT_PLUGINS_LOCKED')
      problems.push(`${name} failed with ${r.error?.code}: ${r.error?.message}`);
    if (r.exitCode !== 0 && recorded.includes(name)) problems.push(`${name} failed but is recorded`);
  });
  if (!runs.some((r) => r.exitCode === 0)) problems.push('no install won the lock');
  s.cleanup();
  return problems;
}

describe.each([
  ['a free plugins folder', false],
  ['a lock left by a killed process', true],
])('4 installs at once on %s', (_label, stale) => {
  test(
    `every install that reports success is recorded and the others ` +
      `get EDICT_PLUGINS_LOCKED (${ROUNDS}` +
      ` rounds)`,
    async () => {
      const problems: string[] = [];
      for (let i = 0; i < ROUNDS; i++) problems.push(...(await round(stale)).map((p) => `round ${i}: ${p}`));
      expect(problems).toEqual([]);
    },
    60000 + ROUNDS * 15000,
  );
});
