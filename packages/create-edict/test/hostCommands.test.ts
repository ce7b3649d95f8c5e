import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { commandsInHelp } from '../src/hostCommands';

// The scaffolder asks the real host (the repo's mycli, on PATH) for its command names.
const repo = join(__dirname, '..', '..', '..');
const bin = join(__dirname, '..', 'bin', 'create-edict.js');
let work: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'create-edict-host-'));
  const shims = join(work, 'shims');
  mkdirSync(shims);
  const mycli = join(repo, 'packages', 'mycli', 'bin', 'mycli.js');
  writeFileSync(join(shims, 'mycli'), `#!/bin/sh\nexec "${process.execPath}" "${mycli}" "$@"\n`);
  chmodSync(join(shims, 'mycli'), 0o755);
  env = {
    ...process.env,
    PATH: `${shims}${delimiter}${process.env.PATH ?? ''}`,
    MYCLI_HOME: join(work, 'home'),
  };
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function sh(cmd: string, args: string[], cwd = work) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("reads a host's command names and aliases from its --help", () => {
  const help = sh('mycli', ['--help']).stdout;
  expect(commandsInHelp(help)).toEqual(expect.arrayContaining(['greet', 'hi', 'info', 'plugins', 'plugin']));
});

test("a plugin named like a host's command gets a free one; it links and its printed next step runs", () => {
  const r = sh(process.execPath, [bin, 'mycli-plugin-greet', '--plugin', '--host', 'mycli', '--yes']);
  expect(r).toMatchObject({ code: 0, stderr: '' });
  expect(r.stdout).toContain(
    "Note: mycli already has a command named `greet`, so the plugin's command is `greet-plugin` " +
      '(--command chooses another).',
  );
  const dir = join(work, 'mycli-plugin-greet');
  expect(readFileSync(join(dir, 'src', 'commands.ts'), 'utf8')).toContain("name: 'greet-plugin'");
  const steps = r.stdout.slice(r.stdout.indexOf('Next steps:')).trim().split('\n').slice(1);
  expect(steps.slice(-2).map((s) => s.trim())).toEqual(['mycli plugins link .', 'mycli greet-plugin hello']);

  // Built against the repo's packages instead of `npm install` (no registry here).
  mkdirSync(join(dir, 'node_modules', '@edict'), { recursive: true });
  mkdirSync(join(dir, 'node_modules', '@types'), { recursive: true });
  for (const p of ['core', 'testing'])
    symlinkSync(join(repo, 'packages', p), join(dir, 'node_modules', '@edict', p));
  symlinkSync(join(repo, 'node_modules', '@types', 'node'), join(dir, 'node_modules', '@types', 'node'));
  const tsc = sh(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir]);
  expect(tsc).toMatchObject({ code: 0, stderr: '' });
  for (const step of steps.slice(-2)) {
    const [cmd, ...args] = step.trim().split(' ');
    const run = sh(cmd!, args, dir);
    expect([step, run.code, run.stderr]).toEqual([step, 0, '']);
    if (step.endsWith('hello')) expect(run.stdout).toBe('Hello, world!\n');
  }
});

test("--command naming one of the host's commands is a usage error with a free name in the hint", () => {
  const r = sh(process.execPath, [bin, 'p', '--plugin', '--host', 'mycli', '--command', 'info', '--yes']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('mycli already has a command named `info`.');
  expect(r.stderr).toContain('npm create edict p -- --plugin --host mycli --command info-plugin');
});

test('a host not on PATH: the framework commands every host has are still avoided', () => {
  const r = sh(process.execPath, [bin, 'nosuchcli-plugin-docs', '--plugin', '--host', 'nosuchcli', '--yes']);
  expect(r.code).toBe(0);
  expect(readFileSync(join(work, 'nosuchcli-plugin-docs', 'src', 'commands.ts'), 'utf8')).toContain(
    "name: 'docs-plugin'",
  );
});
