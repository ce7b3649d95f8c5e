/**
 * docs/module-loader.md's example, built from the doc's own blocks: mycli installed in a temp
 * `/root` with test-pkg@1.0.0, the plugin in a temp `/work/mycli-plugin-where` with test-pkg@2.0.0
 * and dev copies of @edict/core and mycli, linked and run with the installed CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../helpers/cliSandbox';
import { copyPackage, installMycli, writeVersionLibrary } from '../helpers/hostInstall';

const doc = readFileSync(join(REPO_ROOT, 'docs', 'module-loader.md'), 'utf8');
const DOC_HOST = '/root';
const DOC_PLUGIN = '/work/mycli-plugin-where';

/** The fenced block that follows `<!-- <marker> -->` in the doc. */
function block(marker: string): string {
  const start = doc.indexOf(`<!-- ${marker} -->\n`);
  if (start < 0) throw new Error(`docs/module-loader.md has no <!-- ${marker} --> block`);
  const body = doc.slice(start).replace(/^.*\n```\w*\n/, '');
  return body.slice(0, body.indexOf('\n```'));
}

let work: string;
let host: string;
let plugin: string;
let bin: string;
let home: string;

function run(argv: string[], env: Record<string, string> = {}): { status: number | null; out: string } {
  const child = spawnSync(process.execPath, [bin, ...argv], {
    cwd: work,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: join(work, 'user'), MYCLI_HOME: home, ...env },
  });
  return { status: child.status, out: child.stdout + child.stderr };
}

/** The doc's text with its example paths replaced by the test's. */
const inTest = (text: string): string => text.replaceAll(DOC_PLUGIN, plugin).replaceAll(DOC_HOST, host);

beforeAll(() => {
  work = realpathSync(mkdtempSync(join(tmpdir(), 'mycli-module-loader-doc-')));
  host = join(work, 'root');
  plugin = join(work, 'work', 'mycli-plugin-where');
  home = join(work, 'home');
  bin = installMycli(host);
  writeVersionLibrary(join(host, 'node_modules', 'test-pkg'), 'test-pkg', '1.0.0');
  for (const file of ['package.json', 'commands.js', 'handlers/where.js', 'handlers/where.mjs']) {
    mkdirSync(dirname(join(plugin, file)), { recursive: true });
    writeFileSync(join(plugin, file), `${block(`example: ${file}`)}\n`);
  }
  const packages = join(REPO_ROOT, 'packages');
  copyPackage(join(packages, 'core'), join(plugin, 'node_modules', '@edict', 'core'));
  copyPackage(join(packages, 'mycli'), join(plugin, 'node_modules', 'mycli'));
  writeVersionLibrary(join(plugin, 'node_modules', 'test-pkg'), 'test-pkg', '2.0.0');
  const linked = run(['plugins', 'link', plugin]);
  if (linked.status !== 0) throw new Error(`plugins link failed:\n${linked.out}`);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('docs/module-loader.md example', () => {
  it.each(['cjs', 'esm'])(
    "`mycli where %s` prints the host's framework and mycli files and the plugin's own test-pkg",
    (command) => {
      expect(run(['where', command])).toEqual({ status: 0, out: `${inTest(block('listing: enabled'))}\n` });
    },
  );

  it.each(['cjs', 'esm'])(
    "`mycli where %s` prints only the plugin's own copies with MYCLI_MODULE_LOADER=off",
    (command) => {
      expect(run(['where', command], { MYCLI_MODULE_LOADER: 'off' })).toEqual({
        status: 0,
        out: `${inTest(block('listing: disabled'))}\n`,
      });
    },
  );

  it('refuses a subpath not in the table with the message the doc shows', () => {
    const quoted = doc.slice(doc.indexOf('**Not exported?**'));
    const message = quoted
      .slice(quoted.indexOf('```\n') + 4, quoted.indexOf('\n  ```', quoted.indexOf('```\n') + 4))
      .split('\n')
      .map((line) => line.trim())
      .join(' ');
    const handler = join(plugin, 'handlers', 'where.js');
    const original = readFileSync(handler, 'utf8');
    writeFileSync(handler, "exports.handler = async () => require('@edict/core/lib/engine/runEngine');\n");
    try {
      const refused = run(['where', 'cjs', '--json']);
      expect(refused.status).toBe(1);
      const json = JSON.parse(refused.out) as { error: { message: string } };
      expect(json.error.message).toBe(`Unexpected error: ${inTest(message)}`);
    } finally {
      writeFileSync(handler, original);
    }
  });
});
