import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startRegistry, type TestRegistry } from '../../../testing/src';
import {
  hashTree,
  listTree,
  makeSandbox,
  readRecord,
  REPO_ROOT,
  warningLines,
  type Sandbox,
} from '../helpers/cliSandbox';
import { writeLibrary, writePlugin, type FixturePlugin } from '../helpers/fixturePlugin';

// End-to-end: how the built mycli loads installed plugins, and what failed operations leave behind.
let registry: TestRegistry;
let work: string;
const sandboxes: Sandbox[] = [];

function sandbox(): Sandbox {
  const s = makeSandbox(registry.npmrcPath, join(work, 'npm-cache'));
  sandboxes.push(s);
  return s;
}

/** A CJS handler printing where the plugin's requests for injected and own packages resolve. */
const whereHandler = `exports.handler = async (ctx) => {
  const facts = {
    core: require.resolve('@edict/core'),
    mycli: require.resolve('mycli'),
    coreErrors: require.resolve('@edict/core/lib/error'),
    mycliLib: require.resolve('mycli/lib/commands'),
    testPkg: require('test-pkg').version,
    testPkgFile: require.resolve('test-pkg'),
  };
  ctx.out.text(JSON.stringify(facts));
  return facts;
};
`;
const cjsUsageHandler =
  `const { usageError } = require('@edict/core');
exports.handler ` +
  `= async () => { throw usageError('EDICT_CJS_REFUSES', 'The cjs ` +
  `plugin refuses.', { hint: 'mycli cjs where' }); };
`;
const esmUsageHandler = `import { usageError, EdictError } from '@edict/core';
export async function handler() {
  const err = usageError('EDICT_ESM_REFUSES', 'The esm plugin refuses.', { hint: 'mycli esm hello' });
  if (!(err instanceof EdictError)) throw new Error('two EdictError classes');
  throw err;
}
`;

/** ESM syntax in a `.js` file of a package with no `"type"`: Node runs it as ESM by syntax detection. */
const typelessEsmHandler =
  `import { usageError } from '@edict/core';
export async function ` +
  `handler(ctx) {
  if (ctx.args.refuse) throw usageError('EDICT_TYPELESS_REFUSES', ` +
  `'The typeless plugin refuses.', { hint: 'mycli typeless where' ` +
  `});
  const facts = { core: import.meta.resolve('@edict/core'), ` +
  `mycli: import.meta.resolve('mycli') };
  ctx.out.text(JSON.stringify(facts));
 ` +
  ` return facts;
}
`;
/** CommonJS syntax beside it in the same typeless package. */
const typelessCjsHandler = `exports.handler = async () => ({ core: require.resolve('@edict/core') });
`;
/** A typeless plugin whose handlers are ESM by syntax (one CommonJS handler beside them). */
const typeless = (name: string): FixturePlugin => ({
  name,
  version: '1.0.0',
  group: 'typeless',
  commands: [
    { name: 'where', source: typelessEsmHandler },
    { name: 'refuse', source: typelessEsmHandler.replace('ctx.args.refuse', 'true') },
    { name: 'cjs', source: typelessCjsHandler },
  ],
});

const stable = (version: string, extra: Partial<FixturePlugin> = {}): FixturePlugin => ({
  name: 'mycli-plugin-stable',
  version,
  ...extra,
});

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'mycli-e2e-runtime-'));
  registry = await startRegistry();
  const out = join(work, 'published');
  await Promise.all([
    (async () => {
      await registry.publish(writeLibrary(out, 'test-pkg', '1.0.0'));
      await registry.publish(writeLibrary(out, 'test-pkg', '2.0.0'));
    })(),
    (async () => {
      await registry.publish(writePlugin(out, stable('1.0.0')));
      await registry.publish(
        writePlugin(
          out,
          stable('2.0.0', {
            hooks: {
              postInstall: `exports.postInstall = async () => { throw new Error('postInstall says no'); };\n`,
            },
          }),
        ),
      );
      await registry.publish(
        writePlugin(out, stable('3.0.0', { commands: [{ name: 'run', missingFile: true }] })),
      );
    })(),
    registry.publish(
      writePlugin(out, {
        name: 'mycli-plugin-cjs',
        version: '1.0.0',
        dependencies: { 'test-pkg': '2.0.0' },
        commands: [
          { name: 'where', source: whereHandler },
          { name: 'refuse', source: cjsUsageHandler },
        ],
      }),
    ),
    registry.publish(writePlugin(out, typeless('mycli-plugin-typeless'))),
    registry.publish(
      writePlugin(out, {
        name: 'mycli-plugin-esm',
        version: '1.0.0',
        type: 'module',
        commands: [{ name: 'hello' }, { name: 'refuse', source: esmUsageHandler }],
      }),
    ),
  ]);
});

afterAll(async () => {
  for (const s of sandboxes) s.cleanup();
  await registry?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('running plugin commands', () => {
  test(
    "CJS and ESM plugins run; they get the host's @edict/core and " +
      "mycli and their own test-pkg@2.0.0; their usage errors are the host's",
    async () => {
      const s = sandbox();
      const installed = await s.run(['plugins', 'install', 'mycli-plugin-cjs', 'mycli-plugin-esm']);
      expect(installed.stderr).toBe('');
      expect(installed.status).toBe(0);
      // the plugin's own project: its dependency tree, isolated from the host and other plugins
      const project = realpathSync(readRecord(s.pluginsDir).plugins['mycli-plugin-cjs']!.folder!);
      expect(
        realpathSync(readRecord(s.pluginsDir).plugins['mycli-plugin-cjs']!.location).startsWith(
          `${project}/`,
        ),
      ).toBe(true);

      type Where = Record<'core' | 'mycli' | 'coreErrors' | 'mycliLib' | 'testPkg' | 'testPkgFile', string>;
      const where = await s.json<Where>(['cjs', 'where']);
      expect(where.exitCode).toBe(0);
      expect(where.data.core).toBe(realpathSync(join(REPO_ROOT, 'packages/core/lib/index.packed.js')));
      expect(where.data.mycli).toBe(realpathSync(join(REPO_ROOT, 'packages/mycli/lib/index.js')));
      expect(where.data.coreErrors).toBe(realpathSync(join(REPO_ROOT, 'packages/core/lib/errors/index.js')));
      expect(where.data.mycliLib).toBe(realpathSync(join(REPO_ROOT, 'packages/mycli/lib/commands.js')));
      expect(where.data.testPkg).toBe('2.0.0');
      expect(realpathSync(where.data.testPkgFile)).toBe(join(project, 'node_modules/test-pkg/index.js'));
      expect(existsSync(join(project, 'node_modules/@edict'))).toBe(false);
      expect(existsSync(join(project, 'node_modules/mycli'))).toBe(false);

      const cjsRefuses = await s.run(['cjs', 'refuse']);
      expect({ status: cjsRefuses.status, stdout: cjsRefuses.stdout, stderr: cjsRefuses.stderr }).toEqual({
        status: 2,
        stdout: '',
        stderr: 'Error: The cjs plugin refuses.\nHint: mycli cjs where\n',
      });

      const hello = await s.run(['esm', 'hello']);
      expect({ status: hello.status, stdout: hello.stdout, stderr: hello.stderr }).toEqual({
        status: 0,
        stdout: 'mycli-plugin-esm@1.0.0 hello\n',
        stderr: '',
      });
      const esmRefuses = await s.run(['esm', 'refuse']);
      expect({ status: esmRefuses.status, stdout: esmRefuses.stdout, stderr: esmRefuses.stderr }).toEqual({
        status: 2,
        stdout: '',
        stderr: 'Error: The esm plugin refuses.\nHint: mycli esm hello\n',
      });
      const esmJson = await s.json(['esm', 'refuse']);
      expect(esmJson).toMatchObject({
        success: false,
        exitCode: 2,
        error: { code: 'EDICT_ESM_REFUSES', message: 'The esm plugin refuses.', hint: 'mycli esm hello' },
      });
      // the host's own usage errors look the same
      const builtin = await s.run(['greet']);
      expect(builtin.status).toBe(2);
      expect(builtin.stderr).toMatch(/^Error: .+\nHint: mycli greet --help\n$/);
    },
  );

  test(
    'a plugin whose .js files use ESM syntax without "type": "module" ' +
      "installs as module type, runs, and gets the host's @edict/core " +
      'through the ESM path; installed and linked',
    async () => {
      const s = sandbox();
      const coreUrl = pathToFileURL(realpathSync(join(REPO_ROOT, 'packages/core/lib/index.packed.js'))).href;
      const mycliUrl = pathToFileURL(realpathSync(join(REPO_ROOT, 'packages/mycli/lib/index.js'))).href;
      const installed = await s.run(['plugins', 'install', 'mycli-plugin-typeless']);
      expect({ status: installed.status, stderr: installed.stderr }).toEqual({ status: 0, stderr: '' });
      const info = await s.json<{ index: { moduleType: string } }>([
        'plugins',
        'info',
        'mycli-plugin-typeless',
      ]);
      expect(info.data.index.moduleType).toBe('module');
      const linkedCopy = join(s.fixtures, 'typeless-linked');
      cpSync(readRecord(s.pluginsDir).plugins['mycli-plugin-typeless']!.location, linkedCopy, {
        recursive: true,
      });

      // Node warns, for a file outside node_modules (the linked folder), that it reparsed it as ESM.
      const nodeWarning = /^\(node:\d+\) \[MODULE_TYPELESS_PACKAGE_JSON\] Warning: .*\n(?:(?!Error:).*\n)*/;
      const expectRuns = async (warned: boolean): Promise<void> => {
        const where = await s.json<{ core: string; mycli: string }>(['typeless', 'where']);
        expect({ exitCode: where.exitCode, data: where.data }).toEqual({
          exitCode: 0,
          data: { core: coreUrl, mycli: mycliUrl },
        });
        expect(nodeWarning.test(where.stderr)).toBe(warned);
        expect(where.stderr.replace(nodeWarning, '')).toBe('');
        const refuses = await s.run(['typeless', 'refuse']);
        expect({
          status: refuses.status,
          stdout: refuses.stdout,
          stderr: refuses.stderr.replace(nodeWarning, ''),
        }).toEqual({
          status: 2,
          stdout: '',
          stderr: 'Error: The typeless plugin refuses.\nHint: mycli typeless where\n',
        });
        const cjs = await s.json<{ core: string }>(['typeless', 'cjs']);
        expect({ exitCode: cjs.exitCode, data: cjs.data }).toEqual({
          exitCode: 0,
          data: { core: realpathSync(join(REPO_ROOT, 'packages/core/lib/index.packed.js')) },
        });
      };
      await expectRuns(false);
      // the same files linked from a folder of their own (no node_modules above them)
      const linked = await s.run(['plugins', 'link', linkedCopy]);
      expect(linked.status).toBe(0);
      await expectRuns(true);
    },
  );

  test(
    "a built-in command loads no plugin code; the plugin's code loads " + 'only when its command runs',
    async () => {
      const s = sandbox();
      const plugin = writePlugin(s.fixtures, {
        name: 'mycli-plugin-noisy',
        version: '1.0.0',
        definitionsPrelude:
          `require('node:fs').appendFileSync(require('node:path').join(__dirname, ` +
          `'definitions-loaded.txt'), 'x'); console.log('DEFINITIONS LOADED');`,
        commands: [
          {
            name: 'run',
            source:
              `require('node:fs').appendFileSync(require('node:path').join(__dirname, ` +
              `'..', 'handler-loaded.txt'), 'x'); console.log('HANDLER LOADED'); ` +
              `throw new Error('the noisy handler module throws');\n`,
          },
        ],
      });
      expect((await s.run(['plugins', 'install', plugin])).status).toBe(0);
      const location = readRecord(s.pluginsDir).plugins['mycli-plugin-noisy']!.location;
      // validated from its manifest: its definitions module never ran
      expect(existsSync(join(location, 'definitions-loaded.txt'))).toBe(false);

      const greet = await s.run(['greet', 'Ada']);
      expect({ status: greet.status, stdout: greet.stdout, stderr: greet.stderr }).toEqual({
        status: 0,
        stdout: 'Hello, Ada!\n',
        stderr: '',
      });
      const help = await s.run(['--help']);
      expect(help.stdout).toMatch(/^\s+noisy …\s+Commands of mycli-plugin-noisy$/m);
      expect(help.stdout).not.toContain('LOADED');
      const groupHelp = await s.run(['noisy', '--help']);
      expect(groupHelp.stdout).toContain('run');
      expect(existsSync(join(location, 'definitions-loaded.txt'))).toBe(false);
      expect(existsSync(join(location, 'handler-loaded.txt'))).toBe(false);

      const run = await s.run(['noisy', 'run']);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('Error: Plugin mycli-plugin-noisy@1.0.0 failed to load');
      expect(run.stderr).toContain('the noisy handler module throws');
      expect(run.stderr).toContain('Hint: mycli plugins validate mycli-plugin-noisy');
      expect(existsSync(join(location, 'handler-loaded.txt'))).toBe(true);
      expect(existsSync(join(location, 'definitions-loaded.txt'))).toBe(false);
    },
  );

  test(
    'a broken plugin (handler deleted, entry file damaged) costs ' +
      'one warning; other plugins and built-ins work; a corrupt index is rebuilt',
    async () => {
      const s = sandbox();
      const ok = writePlugin(s.fixtures, { name: 'mycli-plugin-ok', version: '1.0.0' });
      const fragile = writePlugin(s.fixtures, { name: 'mycli-plugin-fragile', version: '1.0.0' });
      expect((await s.run(['plugins', 'install', ok, fragile])).status).toBe(0);
      const location = readRecord(s.pluginsDir).plugins['mycli-plugin-fragile']!.location;

      rmSync(join(location, 'handlers', 'run.js'));
      const other = await s.run(['ok', 'run']);
      expect({ status: other.status, stdout: other.stdout, stderr: other.stderr }).toEqual({
        status: 0,
        stdout: 'mycli-plugin-ok@1.0.0 run\n',
        stderr: '',
      });
      const broken = await s.run(['fragile', 'run']);
      expect(broken.status).toBe(1);
      // one error naming the plugin and the missing file, then the hint: no require stack
      expect(broken.stderr).toBe(
        `Error: Plugin mycli-plugin-fragile@1.0.0 failed to load ${join(location, 'handlers', 'run.js')}` +
          `: the file does not exist.\nHint: mycli plugins validate mycli-plugin-fragile\n`,
      );
      const validate = await s.run(['plugins', 'validate', 'mycli-plugin-fragile']);
      expect(validate.status).toBe(1);
      expect(validate.stdout).toMatch(
        new RegExp(
          'error\\s+DEFINITIONS: command 0 "fragile" › child 0 "run": ' +
            'handler file \\./handlers/run\\.js does not exist \\(',
        ),
      );
      const listed = await s.json<{ name: string; health: string; problem?: string }[]>(['plugins', 'list']);
      const fragileListing = listed.data.find((p) => p.name === 'mycli-plugin-fragile');
      expect(fragileListing?.health).toBe('broken');
      expect(fragileListing?.problem).toContain(join(location, 'handlers', 'run.js'));

      writeFileSync(
        join(readRecord(s.pluginsDir).plugins['mycli-plugin-fragile']!.folder!, 'edict-entry.json'),
        '{ damaged',
      );
      writeFileSync(join(s.pluginsDir, 'index.json'), '{"version": 1, "plugins": [tru');
      const again = await s.run(['ok', 'run']);
      expect(again.status).toBe(0);
      expect(again.stdout).toBe('mycli-plugin-ok@1.0.0 run\n');
      const warnings = warningLines(again.stderr);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('mycli-plugin-fragile');
      expect(warnings[0]).toContain('edict-entry.json cannot be read');
      expect(again.stderr).toBe(`${warnings[0]}\n`);
      // the rewritten index's header (its first line) lists the plugins
      const index = JSON.parse(readFileSync(join(s.pluginsDir, 'index.json'), 'utf8').split('\n')[0]!) as {
        plugins: { name: string }[];
      };
      expect(index.plugins.map((p) => p.name)).toEqual(['mycli-plugin-ok']);

      const greet = await s.run(['greet', 'Ada']);
      expect(greet.stdout).toBe('Hello, Ada!\n');
      expect(warningLines(greet.stderr)).toHaveLength(1);
      const list = await s.json<{ name: string; health: string }[]>(['plugins', 'list']);
      expect(list.data.map((p) => [p.name, p.health])).toEqual([
        ['mycli-plugin-fragile', 'broken'],
        ['mycli-plugin-ok', 'ok'],
      ]);
      const gone = await s.run(['fragile', 'run']);
      expect(gone.status).toBe(2);
    },
  );

  test(
    "a plugin shadowing a built-in or another plugin's group is refused " +
      'at install, and skipped with one warning at load',
    async () => {
      const s = sandbox();
      expect(
        (
          await s.run([
            'plugins',
            'install',
            writePlugin(s.fixtures, { name: 'mycli-plugin-ok', version: '1.0.0' }),
          ])
        ).status,
      ).toBe(0);
      const before = hashTree(s.pluginsDir);
      const config = await s.json([
        'plugins',
        'install',
        writePlugin(s.fixtures, { name: 'mycli-plugin-config', version: '1.0.0', group: 'config' }),
      ]);
      expect(config.exitCode).toBe(1);
      expect(config.error?.code).toBe('EDICT_PLUGIN_INVALID');
      expect(config.error?.message).toContain('command "config" is already provided by the CLI itself');
      const twin = await s.json([
        'plugins',
        'install',
        writePlugin(s.fixtures, { name: 'mycli-plugin-twin', version: '1.0.0', group: 'ok' }),
      ]);
      expect(twin.exitCode).toBe(1);
      expect(twin.error?.code).toBe('EDICT_PLUGIN_INVALID');
      expect(twin.error?.message).toContain('command "ok" is already provided by plugin mycli-plugin-ok');
      expect(hashTree(s.pluginsDir)).toBe(before);

      // a linked plugin that later claims taken names is skipped at load, with one warning per name
      const linked = writePlugin(s.fixtures, {
        name: 'mycli-plugin-zlinked',
        version: '1.0.0',
        group: 'zed',
      });
      expect((await s.run(['plugins', 'link', linked])).status).toBe(0);
      const defs = readFileSync(join(linked, 'commands.js'), 'utf8');
      writeFileSync(
        join(linked, 'commands.js'),
        `${defs}\nexports.commands.push({ ...exports.commands[0], ` +
          `name: 'config' }, { ...exports.commands[0], name: 'ok' });\n`,
      );
      const cfg = await s.run(['config', 'list']);
      expect(cfg.status).toBe(0);
      expect(warningLines(cfg.stderr)).toEqual([
        'Warning: command "config" of plugin mycli-plugin-zlinked is skipped: the CLI already provides it',
        'Warning: command "ok" of plugin mycli-plugin-zlinked is skipped: ' +
          'plugin mycli-plugin-ok already provides it',
      ]);
      expect((await s.run(['ok', 'run'])).stdout).toBe('mycli-plugin-ok@1.0.0 run\n');
      expect((await s.run(['zed', 'run'])).stdout).toBe('mycli-plugin-zlinked@1.0.0 run\n');
    },
  );
});

describe('failed installs change nothing', () => {
  test(
    'a 404, a throwing postInstall and a validation error leave the ' +
      'plugins folder byte-identical and the old version running',
    async () => {
      const s = sandbox();
      expect((await s.run(['plugins', 'install', 'mycli-plugin-stable@1.0.0'])).status).toBe(0);
      const before = hashTree(s.pluginsDir);
      const paths = listTree(s.pluginsDir);
      const extra = writePlugin(s.fixtures, { name: 'mycli-plugin-extra', version: '1.0.0' });
      const cases: [string[], string, RegExp][] = [
        [['mycli-plugin-nowhere'], 'EDICT_PACKAGE_NOT_FOUND', /mycli-plugin-nowhere/],
        [['mycli-plugin-stable@9.9.9'], 'EDICT_PACKAGE_NOT_FOUND', /mycli-plugin-stable@9\.9\.9/],
        [['mycli-plugin-stable@2.0.0', '--allow-scripts'], 'EDICT_PLUGIN_HOOK_FAILED', /postInstall says no/],
        [
          ['mycli-plugin-stable@3.0.0'],
          'EDICT_PLUGIN_INVALID',
          /handler file \.\/handlers\/run\.js does not exist/,
        ],
        // all or nothing: the good folder plugin is not kept either
        [
          [extra, 'mycli-plugin-stable@2.0.0', '--allow-scripts'],
          'EDICT_PLUGIN_HOOK_FAILED',
          /postInstall says no/,
        ],
      ];
      for (const [specs, code, message] of cases) {
        const r = await s.json(['plugins', 'install', ...specs]);
        expect({ specs, exitCode: r.exitCode, code: r.error?.code }).toEqual({ specs, exitCode: 1, code });
        expect(r.error?.message).toMatch(message);
        expect({ specs, paths: listTree(s.pluginsDir) }).toEqual({ specs, paths });
        expect({ specs, hash: hashTree(s.pluginsDir) }).toEqual({ specs, hash: before });
        const run = await s.run(['stable', 'run']);
        expect({ specs, stdout: run.stdout, stderr: run.stderr }).toEqual({
          specs,
          stdout: 'mycli-plugin-stable@1.0.0 run\n',
          stderr: '',
        });
      }
      expect(readRecord(s.pluginsDir).plugins['mycli-plugin-stable']?.version).toBe('1.0.0');
    },
  );
});
