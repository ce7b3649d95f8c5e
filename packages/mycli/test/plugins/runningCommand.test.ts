import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSandbox, readRecord, type Sandbox } from '../helpers/cliSandbox';
import { writePlugin } from '../helpers/fixturePlugin';

// A command that started before an update keeps running the version it started with, down to
// the modules it requires late; the next run uses the new version; the old folder goes once
// nothing runs it.
let work: string;
let s: Sandbox;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'mycli-e2e-running-'));
  s = makeSandbox(undefined, join(work, 'npm-cache'));
});
afterAll(() => {
  s?.cleanup();
  rmSync(work, { recursive: true, force: true });
});

const HANDLER = `const fs = require('node:fs');
const path = require('node:path');
exports.handler = async (ctx) => {
  const dir = process.env.SLOW_DIR;
  fs.writeFileSync(path.join(dir, 'ready'), '');
  while (!fs.existsSync(path.join(dir, 'go'))) await new Promise((r) => setTimeout(r, 50));
  ctx.out.text('late ' + require('../lib/late.js').version);
};
`;

function slowPlugin(version: string): string {
  const dir = writePlugin(join(work, 'fixtures'), {
    name: 'mycli-plugin-slow',
    version,
    commands: [{ name: 'run', source: HANDLER }],
  });
  mkdirSync(join(dir, 'lib'), { recursive: true });
  writeFileSync(join(dir, 'lib', 'late.js'), `exports.version = ${JSON.stringify(version)};\n`);
  return dir;
}

async function until(probe: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !probe(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!probe()) throw new Error('timed out waiting');
}

test('an update during a running command leaves that command on the version it started with', async () => {
  expect((await s.run(['plugins', 'install', slowPlugin('1.0.0')])).status).toBe(0);
  const signals = join(work, 'signals');
  mkdirSync(signals);
  const running = s.run(['slow', 'run'], { env: { SLOW_DIR: signals } });
  await until(() => existsSync(join(signals, 'ready')));

  const update = await s.run(['plugins', 'install', slowPlugin('2.0.0')]);
  expect(update.status).toBe(0);
  writeFileSync(join(signals, 'go'), '');
  expect((await running).stdout).toBe('late 1.0.0\n');
  expect((await s.run(['slow', 'run'], { env: { SLOW_DIR: signals } })).stdout).toBe('late 2.0.0\n');

  // nothing runs 1.0.0 any more: the next operation removes its folder
  expect((await s.run(['plugins', 'doctor'])).status).toBe(0);
  const record = readRecord(s.pluginsDir).plugins['mycli-plugin-slow']!;
  expect(readdirSync(join(s.pluginsDir, 'installed', 'mycli-plugin-slow'))).toEqual([
    record.folder!.split('/').pop(),
  ]);
});
