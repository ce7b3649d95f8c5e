import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCli } from '@edict/core';
import type { Cli, CommandNode } from '@edict/core';
import { runCommand } from '../../src/run/runCommand';

const coreLib = join(__dirname, '..', '..', '..', 'core', 'lib', 'index.js');
let dir: string;
let cli: Cli;
let bin: string;

// One handler module shared by the in-process CLI and the bin: it reports what the run saw.
const HANDLER =
  `exports.handler = (ctx) => {
  ctx.out.text('hello ' + ctx.args.name ` +
  `+ (ctx.args.loud ? '!' : ''));
  ctx.out.info('to stderr');
 ` +
  ` return { name: ctx.args.name, loud: ctx.args.loud, home: ctx.host.home, ` +
  `extra: ctx.host.env.EXTRA_VAR ?? null };
};`;
const definitions = (handler: string): CommandNode[] => [
  {
    name: 'hi',
    summary: 'Say hi',
    positionals: [{ name: 'name', summary: 'who', required: true }],
    options: [{ name: 'loud', type: 'boolean', summary: 'loudly' }],
    handler,
  },
];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edict-runcommand-'));
  writeFileSync(join(dir, 'hi.js'), HANDLER);
  cli = createCli({ name: 'tool-x', version: '1.2.3', commands: definitions(join(dir, 'hi.js')) });
  bin = join(dir, 'tool-x.js');
  writeFileSync(
    bin,
    `const { createCli, runMain } = require(${JSON.stringify(coreLib)});\n` +
      `const commands = ${JSON.stringify(definitions(join(dir, 'hi.js')))};\n` +
      "runMain(createCli({ name: 'tool-x', version: '1.2.3', commands }));",
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  ['in-process (cli)', () => ({ cli })],
  ['child process (bin)', () => ({ bin })],
] as const)('runCommand %s', (_label, target) => {
  it('collects stdout, stderr and the exit code', async () => {
    const run = await runCommand({ ...target(), argv: ['hi', 'Ada'], home: join(dir, 'home') });
    expect(run).toMatchObject({
      stdout: 'hello Ada\n',
      stderr: 'to stderr\n',
      exitCode: 0,
      result: undefined,
    });
  });

  it('runs in a new temp home (<PREFIX>_HOME) unless one is given, and returns it', async () => {
    const run = await runCommand({ ...target(), argv: ['hi', 'Ada', '--json'] });
    try {
      expect(run.home).toContain(tmpdir());
      expect((run.result as { home: string }).home).toBe(run.home);
    } finally {
      rmSync(run.home, { recursive: true, force: true });
    }
  });

  it('returns the data of the --json document as result, and the document as json', async () => {
    const run = await runCommand({ ...target(), argv: ['hi', 'Ada', '--json'], home: join(dir, 'home') });
    expect(run.result).toEqual({ name: 'Ada', loud: false, home: join(dir, 'home'), extra: null });
    expect(run.json).toMatchObject({ success: true, exitCode: 0, error: null });
  });

  it('writes the config file and passes extra environment variables', async () => {
    const run = await runCommand({
      ...target(),
      argv: ['hi', 'Ada', '--json'],
      home: join(dir, 'home'),
      config: { 'hi.loud': true },
      env: { EXTRA_VAR: 'x' },
    });
    expect(run.result).toMatchObject({ loud: true, extra: 'x' });
  });

  it('reports a usage error with exit code 2 and the error in the json document', async () => {
    const run = await runCommand({ ...target(), argv: ['hi', '--json'], home: join(dir, 'home') });
    expect(run.exitCode).toBe(2);
    expect(run.json?.error?.code).toBe('EDICT_MISSING_ARGUMENT');
  });
});

it('refuses to run without exactly one of cli and bin', async () => {
  await expect(runCommand({ argv: [] })).rejects.toThrow(/exactly one of `cli` or `bin`/);
});
