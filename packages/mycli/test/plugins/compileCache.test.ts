import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSandbox, type Sandbox } from '../helpers/cliSandbox';
import { writePlugin } from '../helpers/fixturePlugin';

// `plugins` commands load the npm libraries (pacote, arborist…) through a V8 compile cache in the
// user's cache folder. These runs install a plugin from a folder, so no registry is involved.
let work: string;
let s: Sandbox;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'mycli-compile-cache-'));
  s = makeSandbox(undefined, join(work, 'npm-cache'));
});
afterEach(() => {
  s.cleanup();
  rmSync(work, { recursive: true, force: true });
});

/** Node's own cache (≥ 22.1) has its own layout; the file checks below are of Edict's (older Node). */
const handRolled =
  typeof (Module as unknown as { enableCompileCache?: unknown }).enableCompileCache !== 'function';
const cacheRoot = () =>
  join(s.root, 'user', '.cache', 'edict', 'compile', `${process.version}-${process.arch}`);
/** The library cache's entry files (the startup packs' cache is the `packs` folder beside them). */
const entries = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .map((n) => join(dir, n))
        .filter((f) => statSync(f).isFile())
    : [];

async function installAndUninstall(env: Record<string, string> = {}): Promise<string> {
  const folder = writePlugin(s.fixtures, { name: 'mycli-plugin-cc', version: '1.0.0' });
  const first = await s.run(['plugins', 'install', folder], { env });
  expect(first.stderr).toBe('');
  expect(first.status).toBe(0);
  await s.run(['plugins', 'uninstall', 'mycli-plugin-cc'], { env });
  return folder;
}

test(
  "keeps the npm libraries' compiled code in the user's cache folder " + 'and reuses it on the next run',
  async () => {
    const folder = await installAndUninstall();
    const files = entries(cacheRoot());
    if (!handRolled) return expect(existsSync(join(s.root, 'user', '.cache', 'edict', 'compile'))).toBe(true);
    // pacote, arborist and their dependencies: hundreds of files
    expect(files.length).toBeGreaterThan(100);
    const stamps = new Map(files.map((f) => [f, statSync(f).mtimeMs]));
    const again = await s.run(['plugins', 'install', folder]);
    expect(again.status).toBe(0);
    // every entry was accepted by V8, so none was written again
    expect(entries(cacheRoot()).filter((f) => statSync(f).mtimeMs !== stamps.get(f))).toEqual([]);
  },
);

test('a damaged cache entry costs a compile, not the command', async () => {
  if (!handRolled) return;
  const folder = await installAndUninstall();
  const files = entries(cacheRoot());
  for (const f of files) writeFileSync(f, 'not V8 code');
  const r = await s.run(['plugins', 'install', folder]);
  expect([r.status, r.stderr]).toEqual([0, '']);
  const rewritten = files.filter((f) => readFileSync(f, 'utf8') !== 'not V8 code');
  expect(rewritten.length).toBe(files.length);
});

test('MYCLI_COMPILE_CACHE=off uses no library cache; a folder there is used instead', async () => {
  await installAndUninstall({ MYCLI_COMPILE_CACHE: 'off' });
  expect(entries(cacheRoot())).toEqual([]);
  const own = join(work, 'own-cache');
  await installAndUninstall({ MYCLI_COMPILE_CACHE: own });
  expect(entries(cacheRoot())).toEqual([]);
  expect(readdirSync(own).length).toBeGreaterThan(0);
});

test('EDICT_COMPILE_CACHE=off turns off every compile cache: the cache folder stays empty', async () => {
  await installAndUninstall({ EDICT_COMPILE_CACHE: 'off' });
  expect(existsSync(join(s.root, 'user', '.cache'))).toBe(false);
});
