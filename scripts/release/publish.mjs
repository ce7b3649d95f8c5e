// The publish step of the release, shared by `npm run release` and `npm run registry`: packs every
// public package with pnpm (which rewrites `workspace:` ranges to real versions and applies
// publishConfig), then publishes each tarball with `npm publish`, skipping versions the registry
// already has. The registry is npm's own configuration unless one is given.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { publicPackages } from './packages.mjs';

const run = promisify(execFile);
const onWindows = process.platform === 'win32';
const npm = onWindows ? 'npm.cmd' : 'npm';
const npx = onWindows ? 'npx.cmd' : 'npx';

/** `npx pnpm@<packageManager version> …args`, from npm's cache when it is there. */
export function pnpm(root, args, env = process.env) {
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
  return run(npx, ['--prefer-offline', '--yes', `pnpm@${version}`, ...args], {
    cwd: root,
    env,
    shell: onWindows,
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** True when the registry already has `name@version` (`npm view` prints nothing, or fails with E404). */
async function published(name, version, options) {
  try {
    const { stdout } = await run(npm, ['view', `${name}@${version}`, 'version', ...options.args], options);
    return stdout.trim() !== '';
  } catch (err) {
    if (/E404|404 Not Found/.test(`${err.stderr}`)) return false;
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
      packed.map(async ({ name, version, filename }) => {
        const id = `${name}@${version}`;
        if (await published(name, version, options)) return result.existed.push(id);
        await run(npm, ['publish', filename, '--ignore-scripts', ...options.args], options);
        result.published.push(id);
      }),
    );
    result.published.sort();
    result.existed.sort();
    return result;
  } finally {
    rmSync(dest, { recursive: true, force: true });
  }
}
