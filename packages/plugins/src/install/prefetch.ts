import { loadNpa, loadPacote, type Manifest, type NpaResult } from '../heavy';
import { watchRegistry } from '../npm/watchRegistry';
import type { NpmOptions, ProgressFn } from '../types';

/** A walk of a plugin's dependency graph that fetches registry documents ahead of the tree build. */
export interface PackumentPrefetch {
  /** Settles when the first document has arrived (or there was none to fetch): requests are out. */
  started: Promise<void>;
  /** Settles when the walk has nothing left to fetch or follow. Never rejects. */
  done: Promise<void>;
  /** Starts no further requests (those under way finish). */
  stop(): void;
}

/** The dependencies arborist installs for a package in a plugin tree (peers are not installed). */
function installedDependencies(manifest: Manifest): [string, string][] {
  const bundled = manifest.bundleDependencies ?? manifest.bundledDependencies;
  const inTarball = new Set(
    Array.isArray(bundled)
      ? (bundled as string[])
      : bundled === true
        ? Object.keys(manifest.dependencies ?? {})
        : [],
  );
  const optional = (manifest.optionalDependencies ?? {}) as Record<string, string>;
  return Object.entries({ ...manifest.dependencies, ...optional }).filter(([name]) => !inTarball.has(name));
}

/**
 * Fetches the registry document of every package that `manifest`'s dependencies can resolve to,
 * following each version pacote picks to its own dependencies as soon as its document arrives,
 * and puts the documents into `cache` (pacote's `packumentCache`, keyed as pacote keys the
 * full documents arborist reads). The tree build then reads them from there.
 *
 * Why: arborist asks for one document at a time (a placed node's dependencies one after another),
 * and only once it has loaded, a while after the plugin's own document arrived; the walk asks for
 * many at once, from that moment on. An entry is the in-flight promise until its answer arrives,
 * so arborist waits for it rather than asking again; a failed request stays as the rejected
 * promise, so arborist fails with that error instead of asking (and retrying) once more.
 * Retries are reported to `onProgress` until the walk is done.
 */
export function prefetchPackuments(
  manifest: Manifest,
  npmOptions: NpmOptions,
  cache: Map<string, unknown>,
  onProgress?: ProgressFn,
): PackumentPrefetch {
  const { RegistryFetcher } = loadPacote();
  const npa = loadNpa();
  const options = { ...npmOptions, fullMetadata: true };
  const followed = new Set<string>();
  let stopped = false;
  let pending = 0;
  let markStarted!: () => void;
  let markDone!: () => void;
  const started = new Promise<void>((r) => (markStarted = r));
  const done = new Promise<void>((r) => (markDone = r));
  void done.then(watchRegistry(npmOptions, onProgress));

  const documentOf = (name: string): void => {
    const fetcher = new RegistryFetcher(name, options);
    const key = `full:${fetcher.packumentUrl}`;
    if (cache.has(key)) return;
    const request = fetcher.packument();
    cache.set(key, request);
    // A failed request stays in the cache as its rejected promise: arborist fails with that error.
    request.then(
      (doc) => {
        if (cache.get(key) === request) cache.set(key, doc);
      },
      () => undefined,
    );
  };

  const follow = (name: string, range: string): void => {
    const id = `${name}@${range}`;
    if (stopped || followed.has(id)) return;
    followed.add(id);
    let spec: NpaResult;
    try {
      spec = npa.resolve(name, range);
    } catch {
      return; // arborist reports an invalid spec itself
    }
    if (!spec.registry || (spec.type !== 'range' && spec.type !== 'version' && spec.type !== 'tag')) return;
    let picking: Promise<Manifest>;
    try {
      documentOf(name);
      picking = new RegistryFetcher(spec, { ...options, packumentCache: cache }).manifest();
    } catch {
      return; // a registry URL pacote cannot use: arborist reports it
    }
    pending++;
    picking
      .then(
        (picked) => {
          for (const [child, childRange] of installedDependencies(picked)) follow(child, childRange);
        },
        () => undefined,
      ) // no version fits, or the request failed: arborist meets and reports it
      .finally(() => {
        markStarted();
        if (--pending === 0) markDone();
      });
  };

  for (const [name, range] of installedDependencies(manifest)) follow(name, range);
  if (pending === 0) {
    markStarted();
    markDone();
  }
  return {
    started,
    done,
    stop: () => {
      stopped = true;
      markStarted();
    },
  };
}
