import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSandbox, readRecord, REPO_ROOT, type Sandbox } from '../helpers/cliSandbox';
import { writePlugin } from '../helpers/fixturePlugin';

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// End-to-end: `plugins link|unlink|validate` of the built mycli on plugin folders (no registry needed).
let work: string;
const sandboxes: Sandbox[] = [];

function sandbox(): Sandbox {
  const s = makeSandbox(undefined, join(work, 'npm-cache'));
  sandboxes.push(s);
  return s;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'mycli-e2e-link-'));
});

afterAll(() => {
  for (const s of sandboxes) s.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Report {
  plugin: string;
  errors: { code: string; message: string }[];
  warnings: { code: string; message: string }[];
}

describe('plugins link and unlink', () => {
  test(
    "a linked plugin's commands appear at once; edits to a handler " +
      'and to the definitions show without reinstalling; unlink removes ' +
      'them and keeps the folder',
    async () => {
      const s = sandbox();
      const folder = writePlugin(s.fixtures, { name: 'mycli-plugin-dev', version: '0.0.1' });
      const linked = await s.run(['plugins', 'link', folder]);
      expect(linked.stderr).toBe('');
      expect(linked.status).toBe(0);
      expect(linked.stdout).toBe(`Linked mycli-plugin-dev@0.0.1 from ${folder}: commands dev\n`);
      expect(readRecord(s.pluginsDir).plugins['mycli-plugin-dev']).toMatchObject({
        source: 'link',
        location: folder,
        spec: folder,
      });
      expect(existsSync(join(s.pluginsDir, 'installed', 'mycli-plugin-dev'))).toBe(false);
      expect((await s.run(['dev', 'run'])).stdout).toBe('mycli-plugin-dev@0.0.1 run\n');

      // a handler edit: the linked folder is outside the plugins folder, yet @edict/core comes from the host
      writeFileSync(
        join(folder, 'handlers', 'run.js'),
        `const { usageError } = require('@edict/core');\nexports.handler ` +
          `= async (ctx) => { if (ctx.args.fail) throw usageError('EDICT_DEV_FAIL', ` +
          `'dev failed on purpose.', { hint: 'mycli dev run' }); ctx.out.text('edited ` +
          `handler'); };\n`,
      );
      expect((await s.run(['dev', 'run'])).stdout).toBe('edited handler\n');

      // a definitions edit: a new option and a new command
      const defs = readFileSync(join(folder, 'commands.js'), 'utf8');
      writeFileSync(
        join(folder, 'commands.js'),
        `${defs}\nexports.commands[0].children[0].options = [{ name: ` +
          `'fail', type: 'boolean', summary: 'Fail' }];\nexports.commands[0].children.push({ ` +
          `name: 'extra', summary: 'Added later', handler: './handlers/extra.js' });\n`,
      );
      writeFileSync(
        join(folder, 'handlers', 'extra.js'),
        `exports.handler = async (ctx) => { ctx.out.text('extra command'); };\n`,
      );
      const extra = await s.run(['dev', 'extra']);
      expect({ status: extra.status, stdout: extra.stdout, stderr: extra.stderr }).toEqual({
        status: 0,
        stdout: 'extra command\n',
        stderr: '',
      });
      expect((await s.run(['dev', '--help'])).stdout).toMatch(/^\s+extra\s+Added later$/m);
      const failed = await s.run(['dev', 'run', '--fail']);
      expect({ status: failed.status, stderr: failed.stderr }).toEqual({
        status: 2,
        stderr: 'Error: dev failed on purpose.\nHint: mycli dev run\n',
      });

      const list = await s.json<{ name: string; source: string; health: string; commands: string[] }[]>([
        'plugins',
        'list',
      ]);
      expect(list.data).toEqual([
        expect.objectContaining({
          name: 'mycli-plugin-dev',
          source: 'link',
          health: 'ok',
          commands: ['dev'],
        }),
      ]);

      const unlinked = await s.run(['plugins', 'unlink', 'mycli-plugin-dev']);
      expect(unlinked.status).toBe(0);
      expect(unlinked.stdout).toBe(`Unlinked mycli-plugin-dev (${folder} is left as it was)\n`);
      expect(existsSync(join(folder, 'handlers', 'extra.js'))).toBe(true);
      const gone = await s.run(['dev', 'run']);
      expect(gone.status).toBe(2);
      expect(gone.stderr).toContain('Unknown command');
      const again = await s.json(['plugins', 'unlink', 'mycli-plugin-dev']);
      expect(again).toMatchObject({ exitCode: 1, error: { code: 'EDICT_PLUGIN_NOT_FOUND' } });
    },
  );

  test('link refuses a folder that is not a valid plugin and leaves the plugins folder alone', async () => {
    const s = sandbox();
    const folder = writePlugin(s.fixtures, {
      name: 'mycli-plugin-half',
      version: '0.0.1',
      commands: [{ name: 'run', missingFile: true }],
    });
    const r = await s.json(['plugins', 'link', folder]);
    expect(r).toMatchObject({ exitCode: 1, error: { code: 'EDICT_PLUGIN_INVALID' } });
    expect(r.error?.message).toContain('handler file ./handlers/run.js does not exist');
    expect(existsSync(join(s.pluginsDir, 'plugins.json'))).toBe(false);
  });
});

describe('plugins validate', () => {
  test('reports errors (exit 1) and warnings (exit 0) for plugin folders', async () => {
    const s = sandbox();
    const other = writePlugin(s.fixtures, { name: 'mycli-plugin-owner', version: '1.0.0', group: 'owned' });
    expect((await s.run(['plugins', 'link', other])).status).toBe(0);

    const cases: [string, Parameters<typeof writePlugin>[1], string][] = [
      [
        'no edict field',
        { name: 'mycli-plugin-noedict', version: '1.0.0', noEdict: true },
        'NOT_A_PLUGIN: package.json has no "edict" field',
      ],
      [
        'missing handler',
        { name: 'mycli-plugin-nohandler', version: '1.0.0', commands: [{ name: 'run', missingFile: true }] },
        'DEFINITIONS: command 0 "nohandler" › child 0 "run": handler file ./handlers/run.js does not exist',
      ],
      [
        'built-in group',
        { name: 'mycli-plugin-cfg', version: '1.0.0', group: 'config' },
        'COLLISION: command "config" is already provided by the CLI itself',
      ],
      [
        "another plugin's group",
        { name: 'mycli-plugin-thief', version: '1.0.0', group: 'owned' },
        'COLLISION: command "owned" is already provided by plugin mycli-plugin-owner',
      ],
    ];
    for (const [what, fixture, line] of cases) {
      const folder = writePlugin(s.fixtures, fixture);
      const r = await s.run(['plugins', 'validate', folder]);
      expect({ what, status: r.status }).toEqual({ what, status: 1 });
      expect({ what, stdout: r.stdout }).toEqual({
        what,
        stdout: expect.stringContaining(`  error   ${line}`),
      });
      expect(r.stdout).toMatch(
        new RegExp(`^${escaped(folder)} \\(${escaped(folder)}\\): 1 error\\(s\\), \\d+ warning\\(s\\)$`, 'm'),
      );
      expect(r.stderr).toBe(
        `Error: Validation found errors in ${folder}` +
          `.\nHint: Fix the errors above, then run: mycli plugins validate ${folder}` +
          `\n`,
      );
    }

    const injected = writePlugin(s.fixtures, {
      name: 'mycli-plugin-injected',
      version: '1.0.0',
      dependencies: { '@edict/core': '^0.1.0' },
      keywords: [],
    });
    const r = await s.json<Report[]>(['plugins', 'validate', injected]);
    expect(r.exitCode).toBe(0);
    expect(r.data).toEqual([
      {
        plugin: injected,
        root: injected,
        errors: [],
        warnings: [
          {
            code: 'INJECTED_DEPENDENCY',
            message: expect.stringContaining('@edict/core is listed in "dependencies"'),
          },
          { code: 'NO_KEYWORD', message: expect.stringContaining('"keywords" lacks "mycli-plugin"') },
        ],
      },
    ]);
    const text = await s.run(['plugins', 'validate', injected]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('  warning INJECTED_DEPENDENCY: @edict/core is listed in "dependencies"');

    const all = await s.json<Report[]>(['plugins', 'validate']);
    expect(all.exitCode).toBe(0);
    expect(all.data).toEqual([{ plugin: 'mycli-plugin-owner', root: other, errors: [], warnings: [] }]);
    const json = await s.json([
      'plugins',
      'validate',
      writePlugin(s.fixtures, { name: 'mycli-plugin-cfg2', version: '1.0.0', group: 'config' }),
    ]);
    expect(json).toMatchObject({ success: false, exitCode: 1, error: { code: 'EDICT_PLUGIN_INVALID' } });
  });
});

describe('the init hook', () => {
  test(
    "runs once in the CLI's process before the plugin's handler, " +
      "with the host's @edict/core; a throwing init fails only its " +
      "own plugin's commands",
    async () => {
      const s = sandbox();
      const good = writePlugin(s.fixtures, {
        name: 'mycli-plugin-starter',
        version: '1.0.0',
        hooks: {
          // records which @edict/core it got and that it ran, in the handler's process
          init:
            `exports.init = (ctx) => { globalThis.__initRuns = (globalThis.__initRuns ` +
            `?? 0) + 1; globalThis.__initCore = require.resolve('@edict/core'); ` +
            `globalThis.__initPlugin = ctx.plugin.name; };\n`,
        },
        commands: [
          {
            name: 'run',
            source:
              `exports.handler = (ctx) => { ctx.out.text([globalThis.__initRuns, ` +
              `globalThis.__initPlugin, globalThis.__initCore].join(' ')); };\n`,
          },
        ],
      });
      const bad = writePlugin(s.fixtures, {
        name: 'mycli-plugin-grumpy',
        version: '1.0.0',
        hooks: { init: `exports.init = () => { throw new Error('not today'); };\n` },
      });
      expect((await s.run(['plugins', 'link', good])).status).toBe(0);
      expect((await s.run(['plugins', 'link', bad])).status).toBe(0);

      const ran = await s.run(['starter', 'run']);
      expect(ran.stderr).toBe('');
      expect(ran.stdout).toBe(
        `1 mycli-plugin-starter ${join(REPO_ROOT, 'packages', 'core', 'lib', 'index.packed.js')}\n`,
      );

      const refused = await s.run(['grumpy', 'run']);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('The init hook of mycli-plugin-grumpy@1.0.0 failed: not today');
      expect(refused.stderr).toContain('Hint: mycli plugins validate mycli-plugin-grumpy');
      expect((await s.run(['starter', 'run'])).status).toBe(0);
    },
  );
});
