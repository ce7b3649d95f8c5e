import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startPluginProcess } from '../../src/runner/pluginProcess';
import { validatePlugin } from '../../src/validate/validatePlugin';
import { HOST } from '../helpers/fixtures';

let dir: string;
beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'edict-plugin-process-')));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const alive = (pid: number | undefined): boolean => {
  try {
    process.kill(pid!, 0);
    return true;
  } catch {
    return false;
  }
};

async function gone(pid: number | undefined): Promise<boolean> {
  for (let i = 0; i < 100 && alive(pid); i++) await sleep(20);
  return !alive(pid);
}

test('a process started ahead of time waits, then runs the code in the plugin folder and returns its result and output', async () => {
  writeFileSync(join(dir, 'hook.js'), `exports.postInstall = (ctx) => { console.log('hello from the hook'); return { cwd: process.cwd(), got: ctx.n }; };\n`);
  const child = startPluginProcess();
  await sleep(300);
  expect(alive(child.pid)).toBe(true);
  const r = await child.run({ mode: 'hook', file: join(dir, 'hook.js'), hook: 'postInstall', context: { n: 42 }, cwd: dir });
  expect(r).toMatchObject({ ok: true, value: { cwd: dir, got: 42 }, stdout: 'hello from the hook\n' });
  expect(() => child.run({ mode: 'hook', file: join(dir, 'hook.js'), cwd: dir })).toThrow('one request');
});

test('plugin code that throws comes back as a failure with its message, not a rejection', async () => {
  writeFileSync(join(dir, 'commands.js'), 'throw new Error("broken on purpose")');
  const r = await startPluginProcess().run({ mode: 'definitions', file: join(dir, 'commands.js'), cwd: dir });
  expect(r).toMatchObject({ ok: false, message: 'broken on purpose' });
});

test('an unused process is ended by dispose, and validation ends the one it was given even when it never needs it', async () => {
  const unused = startPluginProcess();
  unused.dispose();
  expect(await gone(unused.pid)).toBe(true);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'not-a-plugin', version: '1.0.0' }));
  const child = startPluginProcess();
  const v = await validatePlugin(dir, HOST, { child });
  expect(v.errors.map((e) => e.code)).toEqual(['NOT_A_PLUGIN']);
  expect(await gone(child.pid)).toBe(true);
});
