import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCommand } from '@edict/testing';
import { cli } from '../main';

const bin = join(__dirname, '..', '..', 'bin', '{{bin}}.js');

test('hello greets the given name', async () => {
  const run = await runCommand({ cli, argv: ['hello', 'Ada'] });
  rmSync(run.home, { recursive: true, force: true });
  assert.equal(run.exitCode, 0, run.stderr);
  assert.equal(run.stdout, 'Hello, Ada!\n');
});

test('hello --json returns the greeting as data', async () => {
  const run = await runCommand({ cli, argv: ['hello', '--json'] });
  rmSync(run.home, { recursive: true, force: true });
  assert.equal(run.exitCode, 0, run.stderr);
  assert.deepEqual(run.result, { greeting: 'Hello, world!' });
});

test('hello takes --shout from the config file', async () => {
  const run = await runCommand({ cli, argv: ['hello', 'Ada'], config: { 'hello.shout': true } });
  rmSync(run.home, { recursive: true, force: true });
  assert.equal(run.stdout, 'HELLO, ADA!\n');
});

test('the bin runs hello in a child process, with --shout from the environment', async () => {
  const run = await runCommand({ bin, argv: ['hello', 'Ada'], env: { {{envPrefix}}_OPT_SHOUT: '1' } });
  rmSync(run.home, { recursive: true, force: true });
  assert.equal(run.exitCode, 0, run.stderr);
  assert.equal(run.stdout, 'HELLO, ADA!\n');
});

test('an unknown command is a usage error (exit 2)', async () => {
  const run = await runCommand({ cli, argv: ['helo'] });
  rmSync(run.home, { recursive: true, force: true });
  assert.equal(run.exitCode, 2);
  assert.match(run.stderr, /hello/);
});
