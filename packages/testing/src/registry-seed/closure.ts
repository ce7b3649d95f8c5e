import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The subset of package.json the seeder reads. */
export interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [key: string]: unknown;
}

/** One package of the closure: where it is installed and whether it is a workspace package. */
export interface SeedPackage {
  name: string;
  version: string;
  /** Real path of the installed package folder. */
  dir: string;
  workspace: boolean;
  manifest: Manifest;
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** The workspace's own packages by name, from the `dir/*` globs of pnpm-workspace.yaml. */
export function workspacePackages(root: string): Map<string, string> {
  const found = new Map<string, string>();
  const file = join(root, 'pnpm-workspace.yaml');
  const globs = existsSync(file)
    ? [...readFileSync(file, 'utf8').matchAll(/^\s*-\s*['"]?([^'"\n]+?)\/\*['"]?\s*$/gm)].map((m) => m[1]!)
    : ['packages'];
  for (const base of globs) {
    const parent = join(root, base);
    if (!existsSync(parent)) continue;
    for (const entry of readdirSync(parent)) {
      const dir = join(parent, entry);
      if (!existsSync(join(dir, 'package.json'))) continue;
      found.set(readManifest(dir).name, realpathSync(dir));
    }
  }
  return found;
}

/** Resolves a package name the way Node does: `node_modules/<name>` in `from` and each parent. */
function resolveFrom(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/** A package that is only in pnpm's virtual store (`node_modules/.pnpm/<name>@<version>/…`). */
function resolveFromStore(name: string, root: string): string | undefined {
  const store = join(root, 'node_modules', '.pnpm');
  if (!existsSync(store)) return undefined;
  const prefix = `${name.replace('/', '+')}@`;
  const hits = readdirSync(store)
    .filter((entry) => entry.startsWith(prefix))
    .map((entry) => join(store, entry, 'node_modules', name))
    .filter((dir) => existsSync(join(dir, 'package.json')));
  return hits.length ? realpathSync(hits[hits.length - 1]!) : undefined;
}

/**
 * The transitive dependency closure of `names` as installed in the workspace at `root`:
 * `dependencies`, `optionalDependencies` (skipped when not installed) and non-optional
 * `peerDependencies` (npm installs those), each resolved like Node from the depending package's
 * folder. Workspace packages are taken from their own folders.
 */
export function dependencyClosure(names: readonly string[], root: string): SeedPackage[] {
  const workspace = workspacePackages(root);
  const byDir = new Map<string, SeedPackage>();
  const locate = (name: string, from: string): string | undefined =>
    workspace.get(name) ?? resolveFrom(name, from);
  const queue: string[] = [];
  for (const name of names) {
    const dir = locate(name, root) ?? resolveFromStore(name, root);
    if (!dir)
      throw new Error(`seedRegistry: ${name} is not installed in ${root} (run the workspace install first).`);
    queue.push(dir);
  }
  while (queue.length) {
    const dir = queue.shift()!;
    if (byDir.has(dir)) continue;
    const manifest = readManifest(dir);
    byDir.set(dir, {
      name: manifest.name,
      version: manifest.version,
      dir,
      workspace: [...workspace.values()].includes(dir),
      manifest,
    });
    const optional = new Set(Object.keys(manifest.optionalDependencies ?? {}));
    const peers = Object.keys(manifest.peerDependencies ?? {}).filter(
      (p) => !manifest.peerDependenciesMeta?.[p]?.optional,
    );
    for (const dep of [...Object.keys(manifest.dependencies ?? {}), ...optional, ...peers]) {
      const depDir = locate(dep, dir);
      if (depDir) queue.push(depDir);
      else if (!optional.has(dep) && !peers.includes(dep))
        throw new Error(
          `seedRegistry: ${dep} (a dependency of ${manifest.name}@${manifest.version}) is not installed.`,
        );
    }
  }
  return [...byDir.values()];
}
