import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeSandbox, type Sandbox } from '../helpers/cliSandbox';
import { groupOf, writePlugin, type FixturePlugin } from '../helpers/fixturePlugin';

// End-to-end: the built mycli checks handler files without running them, and names the place of
// a handler that fails to load at run time.
let work: string;
const sandboxes: Sandbox[] = [];

function sandbox(): Sandbox {
  const s = makeSandbox(undefined, join(work, 'npm-cache'));
  sandboxes.push(s);
  return s;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'mycli-e2e-syntax-'));
});

afterAll(() => {
  for (const s of sandboxes) s.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});

const SYNTAX_CJS = `exports.handler = async (ctx) => {\n  const x = 1 +;\n};\n`;
const REQUIRE_ESM = `export async function handler(ctx) {\n  const fs = require('node:fs');\n}\n`;

function brokenPlugin(s: Sandbox, f: Omit<FixturePlugin, 'version'>, source: string): string {
  return writePlugin(s.fixtures, { version: '1.0.0', ...f, commands: [{ name: 'run', source }] });
}

describe('validate and install refuse a handler that cannot load', () => {
  test.each([
    [
      'a syntax error',
      { name: 'mycli-plugin-typo' },
      SYNTAX_CJS,
      "SyntaxError: Unexpected token ';'",
      '2:16',
    ],
    [
      'require() in an ES module',
      { name: 'mycli-plugin-esmreq', type: 'module' as const },
      REQUIRE_ESM,
      'require() is not defined in an ES module',
      '2:14',
    ],
  ])('%s: plugins validate reports file:line:column and the line', async (_, f, source, what, place) => {
    const s = sandbox();
    const folder = brokenPlugin(s, f, source);
    const r = await s.run(['plugins', 'validate', folder]);
    expect(r.status).toBe(1);
    const line = r.stdout.split('\n').find((l) => l.startsWith('  error'));
    expect(line).toContain(`: handlers/run.js:${place}: ${what}`);
    expect(line).toContain(` in \`${source.split('\n')[1]!.trim()}\``);
  });

  test.each([
    ['a syntax error', { name: 'mycli-plugin-typo' }, SYNTAX_CJS, 'handlers/run.js:2:16: SyntaxError'],
    [
      'require() in an ES module',
      { name: 'mycli-plugin-esmreq', type: 'module' as const },
      REQUIRE_ESM,
      'handlers/run.js:2:14: require() is not defined',
    ],
  ])(
    '%s: plugins install refuses it naming file and line and changes nothing',
    async (_, f, source, what) => {
      const s = sandbox();
      const folder = brokenPlugin(s, f, source);
      const r = await s.json(['plugins', 'install', folder]);
      expect(r.status).toBe(1);
      expect(r.error?.code).toBe('EDICT_PLUGIN_INVALID');
      expect(r.error?.message).toContain(what);
      expect(r.error?.hint).toBe(`mycli plugins validate ${folder}`);
      expect(existsSync(join(s.pluginsDir, 'plugins.json'))).toBe(false);
      for (const dir of ['installed', '.staging'])
        expect([
          dir,
          existsSync(join(s.pluginsDir, dir)) ? readdirSync(join(s.pluginsDir, dir)) : [],
        ]).toEqual([dir, []]);
      expect((await s.run([groupOf(f), 'run'])).status).toBe(2);
    },
  );
});

describe('a handler that fails to load at run time', () => {
  test.each([
    ['CommonJS', 'commonjs' as const, `exports.handler = async () => {\n  foo bar;\n};\n`, '2:7'],
    ['ESM', 'module' as const, `export const handler = async () => 1;\n\n    foo bar;\n`, '3:9'],
  ])(
    '%s syntax error: the error names file:line:column without --debug; the hint runs as printed',
    async (_, type, source, place) => {
      const s = sandbox();
      const folder = writePlugin(s.fixtures, { name: `mycli-plugin-live-${type}`, version: '1.0.0', type });
      expect((await s.run(['plugins', 'link', folder])).status).toBe(0);
      const file = join(folder, 'handlers', 'run.js');
      writeFileSync(file, source);
      const r = await s.run([`live-${type}`, 'run']);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(
        `Error: Plugin mycli-plugin-live-${type}@1.0.0 failed to load ${file}:${place}: ` +
          "SyntaxError: Unexpected identifier 'bar' in `foo bar;`\n" +
          `Hint: node --check ${file}  (shows the line and where in it)\n`,
      );
      const hint = /^Hint: (.*?) {2}\(/m.exec(r.stderr)![1]!.split(' ');
      const check = await promisify(execFile)(hint[0]!, hint.slice(1)).then(
        () => ({ stderr: '' }),
        (err: { stderr: string }) => err,
      );
      expect(check.stderr).toContain(`${file}:${place.split(':')[0]}\n`);
      expect(check.stderr).toContain('foo bar;');
    },
  );

  test('require() in an ES module handler: the error names the place it threw', async () => {
    const s = sandbox();
    const folder = writePlugin(s.fixtures, {
      name: 'mycli-plugin-livereq',
      version: '1.0.0',
      type: 'module',
    });
    expect((await s.run(['plugins', 'link', folder])).status).toBe(0);
    const file = join(folder, 'handlers', 'run.js');
    writeFileSync(file, `const fs = require('node:fs');\nexport const handler = async () => 1;\n`);
    const r = await s.run(['livereq', 'run']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `failed to load ${file}:1:12: ReferenceError: require is not defined in ES module scope`,
    );
    expect(r.stderr).toContain('Hint: mycli plugins validate mycli-plugin-livereq\n');
    const validate = await s.run(['plugins', 'validate', 'mycli-plugin-livereq']);
    expect(validate.stdout).toContain('handlers/run.js:1:12: require() is not defined in an ES module');
  });
});
