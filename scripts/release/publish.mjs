// The publish step of the release, shared by `npm run release` and `npm run registry`: packs every
// public package with pnpm (which rewrites `workspace:` ranges to real versions and applies
// publishConfig), then publishes each tarball with `npm publish`, skipping versions the registry
// already has. The registry is npm's own configuration unless one is given.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { publicPackages } from './packages.mjs';

const run = promisify(execFile);
const onWindows = process.platform === 'win32';
const npm = onWindows ? 'npm.cmd' : 'npm';
const npx = onWindows ? 'npx.cmd' : 'npx';
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/**
 * The pinned pnpm (`packageManager`) as a command: the copy bootstrap's `npx` left in npm's cache
 * when it is there (whatever registry npm is now configured for, which may not have pnpm), else
 * `npx --yes pnpm@<version>`.
 */
function pnpmCommand(root) {
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
  const cache = spawnSync(npm, ['config', 'get', 'cache'], {
    encoding: 'utf8',
    shell: onWindows,
  }).stdout.trim();
  const npxDir = join(cache, '_npx');
  for (const entry of existsSync(npxDir) ? readdirSync(npxDir) : []) {
    const dir = join(npxDir, entry, 'node_modules', 'pnpm');
    if (existsSync(join(dir, 'package.json')) && readJson(join(dir, 'package.json')).version === version)
      return [process.execPath, [join(dir, 'bin', 'pnpm.cjs')]];
  }
  return [npx, ['--yes', `pnpm@${version}`]];
}

/** Runs the pinned pnpm with `args` in `root`. */
export function pnpm(root, args, env = process.env) {
  const [cmd, prefix] = pnpmCommand(root);
  return run(cmd, [...prefix, ...args], { cwd: root, env, shell: onWindows, maxBuffer: 64 * 1024 * 1024 });
}

/** `npm publish` of one tarball: 'published', or 'existed' when the registry has that version. */
async function publishTarball(filename, options) {
  try {
    await run(npm, ['publish', filename, '--ignore-scripts', ...options.args], options);
    return 'published';
  } catch (err) {
    // verdaccio answers 409, the public registry 403 "cannot publish over the previously published"
    if (/E409|EPUBLISHCONFLICT|cannot publish over/i.test(`${err.stderr}`)) return 'existed';
    throw err;
  }
}

/**
 * Publishes every public package of the workspace at `root`. `registry` (a URL) and `env` (e.g.
 * `npm_config_userconfig` naming an .npmrc with the registry's token) apply to npm only: pnpm is
 * still fetched the usual way. Returns `{ published, existed }` as `name@version` lists.
 */
export async function publishPackages(root, { registry, env = {} } = {}) {
  const packages = publicPackages(root);
  const dest = mkdtempSync(join(tmpdir(), 'edict-release-'));
  try {
    const filters = packages.flatMap((p) => ['--filter', p.name]);
    const { stdout } = await pnpm(root, ['-r', ...filters, 'pack', '--pack-destination', dest, '--json']);
    const packed = [JSON.parse(stdout.slice(stdout.search(/^[[{]/m)))].flat();
    const options = {
      cwd: dest,
      env: { ...process.env, npm_config_update_notifier: 'false', ...env },
      shell: onWindows,
      args: registry ? ['--registry', registry] : [],
    };
    const result = { published: [], existed: [] };
    await Promise.all(
      packed.map(async ({ name, version, filename }) =>
        result[await publishTarball(filename, options)].push(`${name}@${version}`),
      ),
    );
    result.published.sort();
    result.existed.sort();
    return result;
  } finally {
    rmSync(dest, { recursive: true, force: true });
  }
}
