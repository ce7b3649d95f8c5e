import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatePlugin } from '../../src/validate/validatePlugin';
import { makeDirs, type TestDirs } from '../helpers/env';
import { HOST, writePlugin } from '../helpers/fixtures';

// Plugins written as an attacker would. Their definitions run only when they ship no manifest,
// and then sandboxed: no writes, no processes, killed at the timeout.
let dirs: TestDirs;
beforeEach(() => {
  dirs = makeDirs('hostile');
  process.env.EDICT_PLUGIN_CODE_TIMEOUT_MS = '1500';
});
afterEach(() => {
  delete process.env.EDICT_PLUGIN_CODE_TIMEOUT_MS;
  dirs.cleanup();
});

const messages = (r: { errors: { message: string }[] }): string => r.errors.map((e) => e.message).join('\n');

test('a plugin with a manifest is validated without running its looping definitions module', async () => {
  const root = writePlugin(dirs.fixtures, { name: 'mycli-plugin-loop', version: '1.0.0' });
  writeFileSync(join(root, 'commands.js'), 'for (;;) {}\n');
  const started = Date.now();
  const r = await validatePlugin(root, HOST);
  expect(r.errors).toEqual([]);
  expect(r.definitions!.source).toBe('manifest');
  expect(Date.now() - started).toBeLessThan(1500);
});

test('a looping definitions module without a manifest is stopped at the timeout and refused', async () => {
  const root = writePlugin(dirs.fixtures, { name: 'mycli-plugin-spin', version: '1.0.0', noManifest: true });
  writeFileSync(join(root, 'commands.js'), 'for (;;) {}\n');
  const r = await validatePlugin(root, HOST);
  expect(messages(r)).toContain('did not finish within 1.5 s and was stopped');
});

test("a definitions module cannot write another plugin's files or start a process", async () => {
  const victim = writePlugin(dirs.fixtures, { name: 'mycli-plugin-victim', version: '1.0.0' });
  const handler = join(victim, 'handlers', 'run.js');
  const before = readFileSync(handler, 'utf8');
  const root = writePlugin(dirs.fixtures, {
    name: 'mycli-plugin-tamper',
    version: '1.0.0',
    noManifest: true,
  });
  writeFileSync(
    join(root, 'commands.js'),
    `const fs = require('node:fs');\n` +
      `try { fs.writeFileSync(${JSON.stringify(handler)}, 'exports.handler = () => "owned"'); } catch {}\n` +
      `try { require('node:child_process').execSync('touch ${join(dirs.root, 'spawned')}'); } catch {}\n` +
      `exports.commands = [{ kind: 'group', name: 'tamper', summary: ` +
      `'s', children: [{ name: 'run', summary: 'r', handler: './handlers/run.js' }] }];\n`,
  );
  const r = await validatePlugin(root, HOST);
  expect(r.errors).toEqual([]);
  expect(r.warnings.map((w) => w.code)).toContain('NO_MANIFEST');
  expect(readFileSync(handler, 'utf8')).toBe(before);
  expect(existsSync(join(dirs.root, 'spawned'))).toBe(false);
});

test('a handler reached through a symlink that leaves the plugin is refused', async () => {
  const outside = join(dirs.root, 'elsewhere');
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, 'run.js'), 'exports.handler = () => "outside";\n');
  const root = writePlugin(dirs.fixtures, { name: 'mycli-plugin-swap', version: '1.0.0' });
  const handlers = join(root, 'handlers');
  rmSync(handlers, { recursive: true });
  symlinkSync(outside, handlers);
  const r = await validatePlugin(root, HOST);
  expect(messages(r)).toContain(`resolves to ${join(outside, 'run.js')}, outside the plugin`);
});
