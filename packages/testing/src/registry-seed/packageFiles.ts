import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Manifest, SeedPackage } from './closure';
import type { TarEntry } from './tarball';

const DEP_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

/**
 * `workspace:^` → `^1.2.3`, `workspace:~` → `~1.2.3`, `workspace:*` → `1.2.3`, `workspace:<range>` →
 * `<range>` (pnpm pack).
 */
export function replaceWorkspaceRanges(manifest: Manifest, versions: ReadonlyMap<string, string>): Manifest {
  const out: Manifest = { ...manifest };
  for (const field of DEP_FIELDS) {
    const deps = manifest[field];
    if (!deps) continue;
    const rewritten: Record<string, string> = {};
    for (const [name, range] of Object.entries(deps)) {
      if (!range.startsWith('workspace:')) {
        rewritten[name] = range;
        continue;
      }
      const rest = range.slice('workspace:'.length);
      const version = versions.get(name);
      if (!version)
        throw new Error(
          `seedRegistry: ${manifest.name} depends on ${name}@${range}, which is not a workspace package.`,
        );
      rewritten[name] = rest === '^' || rest === '~' ? `${rest}${version}` : rest === '*' ? version : rest;
    }
    out[field] = rewritten;
  }
  return out;
}

/** Every file of an installed package folder (its `node_modules` left out), with its mode. */
export function installedFiles(dir: string): TarEntry[] {
  const entries: TarEntry[] = [];
  const walk = (sub: string): void => {
    for (const name of readdirSync(join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      if (rel === 'node_modules') continue;
      const stat = statSync(join(dir, rel));
      if (stat.isDirectory()) walk(rel);
      else if (stat.isFile())
        entries.push({
          path: rel,
          data: readFileSync(join(dir, rel)),
          mode: stat.mode & 0o111 ? 0o755 : 0o644,
        });
    }
  };
  walk('');
  return entries;
}

/** The caller's environment without npm_* settings (a test run under `npm test` has many). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, npm_config_update_notifier: 'false' };
}

/**
 * The files `npm pack` would put in a workspace package's tarball (its `files` field and npm's
 * rules), with package.json rewritten: `workspace:` ranges replaced by real versions.
 */
export async function workspaceFiles(
  pkg: SeedPackage,
  versions: ReadonlyMap<string, string>,
): Promise<TarEntry[]> {
  const main = typeof pkg.manifest.main === 'string' ? pkg.manifest.main : undefined;
  if (main && !existsSync(join(pkg.dir, main))) {
    throw new Error(
      `seedRegistry: ${pkg.name} is not built (${join(pkg.dir, main)}` +
        ` is missing); build the workspace first.`,
    );
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const { stdout } = await promisify(execFile)(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: pkg.dir,
    env: cleanEnv(),
    shell: process.platform === 'win32',
    maxBuffer: 64 * 1024 * 1024,
  });
  const [report] = JSON.parse(stdout) as { files: { path: string; mode: number }[] }[];
  if (!report) throw new Error(`seedRegistry: npm pack listed nothing for ${pkg.dir}`);
  return report.files.map((file) => ({
    path: file.path,
    mode: file.mode & 0o111 ? 0o755 : 0o644,
    data:
      file.path === 'package.json'
        ? Buffer.from(`${JSON.stringify(replaceWorkspaceRanges(pkg.manifest, versions), null, 2)}\n`)
        : readFileSync(join(pkg.dir, file.path)),
  }));
}
