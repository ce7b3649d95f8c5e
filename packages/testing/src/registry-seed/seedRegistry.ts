import { dependencyClosure, readManifest, workspacePackages, type SeedPackage } from './closure';
import { installedFiles, replaceWorkspaceRanges, workspaceFiles } from './packageFiles';
import { publishPackage, type SeedTarget } from './publishPackage';
import { packTarball } from './tarball';

/** Options of {@link seedRegistry}. */
export interface SeedRegistryOptions {
  /** Root of the installed pnpm workspace whose packages (and node_modules) are published. */
  from: string;
  /** How many packages are published at once (default 6). */
  concurrency?: number;
  /**
   * `false`: publish only the closure's packages from outside the workspace (its dependencies),
   * when the workspace's own are published another way (the release flow). Default `true`.
   */
  includeWorkspace?: boolean;
}

/** What {@link seedRegistry} did: `name@version` of each package, by outcome. */
export interface SeedResult {
  published: string[];
  /** Versions the registry already had. */
  existed: string[];
}

async function publishOne(
  target: SeedTarget,
  pkg: SeedPackage,
  versions: ReadonlyMap<string, string>,
): Promise<'published' | 'existed'> {
  const files = pkg.workspace ? await workspaceFiles(pkg, versions) : installedFiles(pkg.dir);
  const manifest = pkg.workspace ? replaceWorkspaceRanges(pkg.manifest, versions) : pkg.manifest;
  return publishPackage(target, manifest, packTarball(files));
}

/**
 * Publishes `packageNames` and their whole dependency closure, as installed in the workspace at
 * `from`, into a registry (typically a throw-away {@link startRegistry} with no uplinks), so
 * that an `npm install` against it needs nothing else. Tarballs are packed in-process and sent
 * with one HTTP PUT each (much faster than `npm publish` per package). Workspace packages must be
 * built; their `workspace:` ranges are replaced by real versions, as `pnpm pack` does.
 */
export async function seedRegistry(
  registry: SeedTarget,
  packageNames: readonly string[],
  options: SeedRegistryOptions,
): Promise<SeedResult> {
  const closure = dependencyClosure(packageNames, options.from).filter(
    (p) => options.includeWorkspace !== false || !p.workspace,
  );
  const versions = new Map(
    [...workspacePackages(options.from)].map(([name, dir]) => [name, readManifest(dir).version]),
  );
  // Before anything is published: a workspace range that cannot be rewritten fails the whole seed.
  for (const pkg of closure) if (pkg.workspace) replaceWorkspaceRanges(pkg.manifest, versions);
  // One queue per name, lowest version first: versions of one package are published one after
  // another (each PUT updates the same document) and the highest ends up as `latest`.
  const byName = new Map<string, SeedPackage[]>();
  const seen = new Set<string>();
  for (const pkg of closure) {
    const id = `${pkg.name}@${pkg.version}`;
    if (seen.has(id)) continue;
    seen.add(id);
    byName.set(pkg.name, [...(byName.get(pkg.name) ?? []), pkg]);
  }
  const queues = [...byName.values()].map((list) =>
    list.sort((a, b) => a.version.localeCompare(b.version, 'en', { numeric: true })),
  );
  const result: SeedResult = { published: [], existed: [] };
  const worker = async (): Promise<void> => {
    for (let queue = queues.shift(); queue; queue = queues.shift()) {
      for (const pkg of queue) {
        const outcome = await publishOne(registry, pkg, versions);
        result[outcome].push(`${pkg.name}@${pkg.version}`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 6 }, worker));
  result.published.sort();
  result.existed.sort();
  return result;
}
