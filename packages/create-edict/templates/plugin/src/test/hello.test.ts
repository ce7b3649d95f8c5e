import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createCli } from '@edict/core';
import { findBin, loadPluginDefinitions, runCommand } from '@edict/testing';

/** The plugin's folder (this file is lib/test/hello.test.js). */
const root = join(__dirname, '..', '..');

/** A bare CLI named like the host, with this plugin's commands and profile types: fast tests. */
async function pluginCli() {
  return createCli({ name: '{{host}}', version: '0.0.0', ...(await loadPluginDefinitions(root)) });
}

test('{{command}} hello greets the given name', async () => {
  const run = await runCommand({ cli: await pluginCli(), argv: ['{{command}}', 'hello', 'Ada', '--shout'] });
  rmSync(run.home, { recursive: true, force: true });
  assert.equal(run.exitCode, 0, run.stderr);
  assert.equal(run.stdout, 'HELLO, ADA!\n');
});

test('{{command}} hello signs with a token without printing it', async () => {
  const argv = ['{{command}}', 'hello', 'Ada', '--greeting', 'Hi', '--token', 's3cret'];
  const run = await runCommand({ cli: await pluginCli(), argv });
  rmSync(run.home, { recursive: true, force: true });
  assert.equal(run.exitCode, 0, run.stderr);
  assert.equal(run.stdout, 'Hi, Ada! (signed in with a token of 6 characters)\n');
});

test('{{command}} hello takes its greeting from a {{command}} profile in the project', async () => {
  const project = mkdtempSync(join(tmpdir(), '{{command}}-project-'));
  const type = '{{command}}';
  const profiles = { team: { type, properties: { greeting: 'Howdy' } } };
  const config = JSON.stringify({ profiles, defaults: { [type]: 'team' } });
  writeFileSync(join(project, '{{host}}.config.json'), config);
  const argv = ['{{command}}', 'hello', 'Ada'];
  const run = await runCommand({ cli: await pluginCli(), argv, cwd: project });
  rmSync(run.home, { recursive: true, force: true });
  rmSync(project, { recursive: true, force: true });
  assert.equal(run.exitCode, 0, run.stderr);
  assert.equal(run.stdout, 'Howdy, Ada!\n');
});

test('{{command}} hello refuses something that is not a name (usage error, exit 2)', async () => {
  const run = await runCommand({ cli: await pluginCli(), argv: ['{{command}}', 'hello', '42', '--json'] });
  rmSync(run.home, { recursive: true, force: true });
  assert.equal(run.exitCode, 2);
  assert.equal(run.json?.error?.code, 'EDICT_{{codePrefix}}_BAD_NAME');
});

test('the real {{host}} runs the plugin after `{{host}} plugins link`', async () => {
  const bin = findBin('{{hostPackage}}', { from: root, name: '{{host}}' });
  const link = await runCommand({ bin, name: '{{host}}', argv: ['plugins', 'link', root] });
  try {
    assert.equal(link.exitCode, 0, link.stderr);
    const argv = ['{{command}}', 'hello', '--json'];
    const run = await runCommand({ bin, name: '{{host}}', home: link.home, argv });
    assert.equal(run.exitCode, 0, run.stderr);
    assert.deepEqual(run.result, { greeting: 'Hello, world!' });
  } finally {
    rmSync(link.home, { recursive: true, force: true });
  }
});
