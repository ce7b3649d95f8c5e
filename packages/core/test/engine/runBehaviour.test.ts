import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_LIB, parseOneJson, runNode, tempDir, write } from '../support/childCli';
import { writeKitCli } from '../support/kitFixture';

describe('a built CLI runs handlers and reports outcomes', () => {
  let dir: string;
  let cleanup: () => void;
  let kit: string;
  const env = (extra: Record<string, string> = {}): Record<string, string> => ({
    KIT_HOME: join(dir, 'home'),
    ...extra,
  });

  beforeEach(() => {
    ({ dir, cleanup } = tempDir('edict-run'));
    kit = writeKitCli(dir);
  });
  afterEach(() => cleanup());

  it('loads CommonJS, "type": "module", .mjs and function handler refs', () => {
    expect(runNode(kit, ['esm', 'Ada'], env()).stdout).toBe('esm Ada\n');
    expect(runNode(kit, ['mjs'], env()).stdout).toBe('from mjs\n');
    expect(parseOneJson(runNode(kit, ['fn', '--json'], env()).stdout).data).toEqual({ fromFn: 'kit' });
  });

  it('reports a missing handler file as EDICT_HANDLER_NOT_FOUND naming the path (exit 1)', () => {
    const r = runNode(kit, ['missing', '--json'], env());
    expect(r.status).toBe(1);
    const doc = parseOneJson(r.stdout);
    expect(doc.error?.code).toBe('EDICT_HANDLER_NOT_FOUND');
    expect(doc.message).toContain(join(dir, 'nope.js'));
  });

  it('reports a handler that does not compile or throws as it loads with its file:line:column', () => {
    const file = (name: string, source: string) => {
      write(join(dir, name), source);
      return join(dir, name);
    };
    const typo = file('typo.js', `exports.handler = () => {\n  const x = 1 +;\n};\n`);
    const throws = file('throws.js', `exports.handler = () => 1;\nnull.x;\n`);
    const needs = file('needs.js', `require('edict-not-installed');\nexports.handler = () => 1;\n`);
    const commands = [typo, throws, needs].map((h, i) => ({
      name: ['typo', 'throws', 'needs'][i],
      handler: h,
    }));
    const demo = file(
      'demo.js',
      `const { createCli, runMain } = require(${JSON.stringify(CORE_LIB)});\n` +
        `const commands = ${JSON.stringify(commands)};\n` +
        `const cli = createCli({ name: 'demo', version: '1.0.0', commands });\n` +
        `runMain({ name: 'demo', version: '1.0.0', load: () => cli });\n`,
    );
    const failure = (command: string) => {
      const r = runNode(demo, [command, '--json'], { DEMO_HOME: join(dir, 'home') });
      return { status: r.status, error: parseOneJson(r.stdout).error };
    };
    expect(failure('typo')).toEqual({
      status: 1,
      error: {
        code: 'EDICT_HANDLER_LOAD_FAILED',
        message: `The handler of "demo typo" failed to load ${typo}:2:16: SyntaxError: Unexpected token ';'`,
        hint: `node --check ${typo}  (shows the line and where in it)`,
        details: { command: 'demo typo', path: typo, place: '2:16' },
      },
    });
    expect(failure('throws').error).toMatchObject({
      message:
        `The handler of "demo throws" failed to load ${throws}:2:6: ` +
        `TypeError: Cannot read properties of null (reading 'x')`,
      hint: 'demo throws --debug  (shows the stack trace)',
    });
    expect(failure('needs').error).toMatchObject({
      message:
        `The handler of "demo needs" failed to load ${needs}:1:1: ` +
        `Cannot find module 'edict-not-installed'`,
    });
    const plain = runNode(demo, ['typo'], { DEMO_HOME: join(dir, 'home') });
    expect(plain.stderr).toBe(
      `Error: The handler of "demo typo" failed to load ${typo}:2:16: SyntaxError: Unexpected token ';'\n` +
        `Hint: node --check ${typo}  (shows the line and where in it)\n`,
    );
  });

  it('prints an EdictError with its hint and exit code, stack only with --debug or KIT_DEBUG=1', () => {
    const r = runNode(kit, ['fail'], env());
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('Error: It failed on purpose.\nHint: kit fail --never\n');
    expect(runNode(kit, ['fail', '--debug'], env()).stderr).toMatch(/at .*fail\.js/);
    expect(runNode(kit, ['fail'], env({ KIT_DEBUG: '1' })).stderr).toMatch(/at .*fail\.js/);
  });

  it('wraps an unexpected error as EDICT_UNEXPECTED with a --debug hint and no stack', () => {
    const r = runNode(kit, ['boom'], env());
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error: Unexpected error: kaboom');
    expect(r.stderr).toContain('Hint: kit boom --debug');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const doc = parseOneJson(runNode(kit, ['boom', '--json'], env()).stdout);
    expect(doc).toMatchObject({
      success: false,
      exitCode: 1,
      data: null,
      error: { code: 'EDICT_UNEXPECTED' },
    });
  });

  it('writes exactly one JSON document on stdout for success, usage error and failure', () => {
    for (const argv of [
      ['echo', 'a'],
      ['nosuch'],
      ['echo', '--bogus'],
      ['boom'],
      ['tools'],
      ['--help'],
      ['--version'],
    ]) {
      const r = runNode(kit, [...argv, '--json'], env());
      const doc = parseOneJson(r.stdout);
      expect(Object.keys(doc).sort()).toEqual(['data', 'error', 'exitCode', 'message', 'success']);
      expect(doc.exitCode).toBe(r.status);
    }
  });

  it('merges source commands after the built-ins, skipping a clash with one warning', () => {
    const r = runNode(kit, ['extra', '--json'], env({ KIT_SOURCE: '1' }));
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('source says hi');
    expect(r.stderr.match(/Command "echo" from test-source was skipped/g)).toHaveLength(1);
    expect(
      (
        parseOneJson(runNode(kit, ['echo', '--json'], env({ KIT_SOURCE: '1' })).stdout).data as {
          commandPath: string[];
        }
      ).commandPath,
    ).toEqual(['echo']);
  });

  it('answers --version without loading sources, yargs-parser, chalk, cli-table3 or handlers', () => {
    const marker = join(dir, 'source-loaded');
    const preload = write(
      join(dir, 'preload.js'),
      `process.on('exit', () => process.stderr.write(JSON.stringify(Object.keys(require.cache))));\n`,
    );
    const r = runNode(kit, ['--version'], env({ KIT_MARKER: marker }), ['-r', preload]);
    expect(r.stdout).toBe('9.9.9\n');
    const loaded = JSON.parse(r.stderr) as string[];
    expect(loaded.filter((f) => /yargs-parser|chalk|cli-table3|echo\.js/.test(f))).toEqual([]);
    expect(existsSync(marker)).toBe(false);
    // The same preload sees the heavy parser once a command runs, so the check above can fail.
    const full = runNode(kit, ['echo'], env({ KIT_MARKER: marker }), ['-r', preload]);
    expect(full.stderr).toContain('yargs-parser');
    expect(existsSync(marker)).toBe(true);
  });

  it('draws no progress or spinner and no colour when stderr/stdout are not terminals', () => {
    const r = runNode(kit, ['progress'], env());
    expect(r.stderr).toBe('done\n');
    expect(r.stdout).not.toContain('\x1b[');
    expect(r.stdout).toContain('red');
    const forced = runNode(kit, ['progress', '--json'], env({ FORCE_COLOR: '1' }));
    expect(parseOneJson(forced.stdout).data).toEqual({ colorEnabled: true });
    expect(runNode(kit, ['progress'], env({ FORCE_COLOR: '1' })).stdout).toContain('\x1b[31mred');
    expect(runNode(kit, ['progress', '--no-color'], env({ FORCE_COLOR: '1' })).stdout).not.toContain('\x1b[');
  });
});
