import { readIndexSafe } from '../index-file/readIndexSafe';
import { explainNpmError } from '../npm/npmErrors';
import { watchRegistry } from '../npm/watchRegistry';
import type { ParsedSpec } from '../npm/spec';
import { loadPacote, type Manifest } from '../heavy';
import { pluginError, PluginErrorCodes } from '../errors';
import { packageRootIn, projectDir } from '../store/paths';
import { readRecords } from '../store/record';
import { stagedIndexEntry } from '../index-file/rebaseEntry';
import type { EngineOptions, PluginIndexEntry, PluginRecord } from '../types';
import { claimedNames } from '../validate/collisions';
import { assertInstallable } from '../validate/compatibility';
import { validatePlugin } from '../validate/validatePlugin';
import { startPluginProcess } from '../runner/pluginProcess';
import { cleanStaging, commitChanges, type FolderChange } from './commit';
import { runHook, type HookRun } from './hooks';
import type { ScriptPolicy, SkippedScript } from './scripts';
import { prefetchPackuments } from './prefetch';
import { stagePlugin, type StagedPlugin } from './stage';

/** One plugin to install: what to fetch and what to record. */
export interface InstallItem {
  fetch: ParsedSpec;
  /** The record's `spec` and `range` (kept from the old record on update and reinstall). */
  recordSpec: string;
  range?: string;
  /**
   * Registry documents already fetched for this item (by pacote's cache key). Its manifest is
   * resolved first, so the tree build reuses that document instead of asking the registry again.
   */
  packuments?: Map<string, unknown>;
}

/** What installing one plugin did. */
export interface InstalledPlugin {
  name: string;
  version: string;
  previousVersion?: string;
  /** Top-level command names it adds. */
  commands: string[];
  /** Packages in its tree whose install scripts were not run. */
  skippedScripts: SkippedScript[];
  /** Validation warnings. */
  warnings: string[];
  hooks: HookRun[];
}

export interface PipelineOptions extends EngineOptions {
  force: boolean;
  scripts: ScriptPolicy;
}

/**
 * Resolves a spec to its manifest (registry metadata, or the package.json in a folder/tarball),
 * always asking the registry for fresh metadata. The document lands in `packuments` when given.
 */
export async function resolveManifest(spec: ParsedSpec, opts: PipelineOptions, packuments?: Map<string, unknown>): Promise<Manifest> {
  opts.onProgress?.({ phase: 'resolve', message: `Resolving ${spec.raw}` });
  const stopWatching = watchRegistry(opts.npmOptions ?? {}, opts.onProgress);
  try {
    return await loadPacote().manifest(spec.fetchSpec, { ...opts.npmOptions, preferOnline: true, fullMetadata: true, ...(packuments ? { packumentCache: packuments } : {}) });
  } catch (err) {
    throw explainNpmError(err, spec.raw, opts.host.name, opts.npmOptions);
  } finally {
    stopWatching();
  }
}

/** The spec arborist installs: the exact resolved version for registry specs. */
function dependencySpec(spec: ParsedSpec, manifest: Manifest): string {
  return spec.source === 'registry' ? manifest.version : spec.fetchSpec;
}

/**
 * Installs (or replaces) plugins all or nothing. Every manifest is resolved and checked before
 * any tarball is fetched; then each plugin's tree is staged, validated against the built-ins and
 * the other plugins, committed with its postInstall hook, and the record and index rewritten.
 * The caller holds the lock.
 */
export async function installItems(items: readonly InstallItem[], opts: PipelineOptions): Promise<InstalledPlugin[]> {
  const { pluginsDir, host } = opts;
  const records = readRecords(pluginsDir);
  const previousIndex = readIndexSafe(pluginsDir, host);
  const manifests: Manifest[] = [];
  // One set of registry documents for the whole command, as npm has: plugins that share
  // dependencies ask for each document once.
  const packuments = new Map<string, unknown>(items.flatMap((item) => [...(item.packuments ?? [])]));
  for (const item of items) {
    const manifest = await resolveManifest(item.fetch, opts, packuments);
    assertInstallable(manifest, host, opts.force);
    if (manifests.some((m) => m.name === manifest.name)) {
      throw pluginError(PluginErrorCodes.SPEC_INVALID, `${manifest.name} is named twice in one install.`, { details: { name: manifest.name } });
    }
    manifests.push(manifest);
  }
  const replacing = new Set(manifests.map((m) => m.name));
  const taken = new Map<string, string>(host.builtinNames.map((n) => [n, 'built-in']));
  for (const entry of previousIndex.plugins) {
    if (!replacing.has(entry.name)) for (const n of claimedNames(entry.commands)) taken.set(n, entry.name);
  }
  const staged: StagedPlugin[] = [];
  const results: InstalledPlugin[] = [];
  const entries: PluginIndexEntry[] = [];
  try {
    for (const [i, item] of items.entries()) {
      const manifest = manifests[i]!;
      // The registry is the bottleneck: its documents are asked for while arborist loads, and
      // Node starts for the validation while the tree downloads.
      opts.onProgress?.({ phase: 'fetch', name: manifest.name, message: `Fetching ${manifest.name}@${manifest.version} and its dependencies` });
      const prefetch = prefetchPackuments(manifest, opts.npmOptions ?? {}, packuments, opts.onProgress);
      await prefetch.started;
      const child = startPluginProcess();
      let stage: StagedPlugin;
      try {
        stage = await stagePlugin({
          pluginsDir, manifest, dependencySpec: dependencySpec(item.fetch, manifest), npmOptions: { ...opts.npmOptions, packumentCache: packuments },
          scripts: opts.scripts, spec: item.fetch.raw, hostName: host.name, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        });
      } catch (err) {
        child.dispose();
        throw err;
      } finally {
        prefetch.stop();
      }
      staged.push(stage);
      opts.onProgress?.({ phase: 'validate', name: manifest.name, message: `Validating ${manifest.name}@${manifest.version}` });
      const v = await validatePlugin(stage.root, host, { taken, child });
      const errors = v.errors.filter((e) => !(opts.force && e.code === 'INCOMPATIBLE'));
      if (errors.length > 0) {
        throw pluginError(PluginErrorCodes.INVALID, `${manifest.name}@${manifest.version} is not a valid ${host.name} plugin: ${errors.map((e) => e.message).join('; ')}.`, {
          hint: `${host.name} plugins validate <folder of ${manifest.name}>`,
          details: { name: manifest.name, version: manifest.version, errors },
        });
      }
      const commands = v.definitions?.commands ?? [];
      for (const n of claimedNames(commands)) taken.set(n, manifest.name);
      const previous = records.plugins[manifest.name];
      results.push({
        name: manifest.name, version: manifest.version, commands: commands.map((c) => c.name), skippedScripts: stage.skippedScripts,
        warnings: v.warnings.map((w) => w.message), hooks: [], ...(previous ? { previousVersion: previous.version } : {}),
      });
      records.plugins[manifest.name] = newRecord(item, manifest, stage, pluginsDir, opts);
      if (v.definitions) {
        const moduleType = v.pkg?.type === 'module' ? 'module' : 'commonjs';
        entries.push(stagedIndexEntry({ name: manifest.name, version: manifest.version, moduleType }, v.definitions, stage.root, records.plugins[manifest.name]!.location));
      }
    }
    const changes: FolderChange[] = manifests.map((m, i) => ({ name: m.name, staged: staged[i]!.project }));
    opts.onProgress?.({ phase: 'commit', message: 'Committing' });
    // The fresh entries stand in for the old ones, so the index is built without loading definitions again.
    const fresh = new Set(entries.map((e) => e.name));
    const knownIndex = { ...previousIndex, plugins: [...previousIndex.plugins.filter((p) => !fresh.has(p.name)), ...entries] };
    commitChanges({
      pluginsDir, host, changes, records, previousIndex: knownIndex,
      afterMove: () => {
        for (const r of results) {
          const run = runHook(packageRootIn(projectDir(pluginsDir, r.name), r.name), 'postInstall', host, pluginsDir);
          if (run) r.hooks.push(run);
        }
      },
    });
    return results;
  } finally {
    packuments.clear();
    cleanStaging(pluginsDir, staged.map((s) => s.project));
  }
}

function newRecord(item: InstallItem, manifest: Manifest, stage: StagedPlugin, pluginsDir: string, opts: PipelineOptions): PluginRecord {
  const registry = item.fetch.source === 'registry' ? registryFor(manifest.name, opts.npmOptions ?? {}) : undefined;
  return {
    name: manifest.name,
    version: manifest.version,
    spec: item.recordSpec,
    ...(item.range ? { range: item.range } : {}),
    source: item.fetch.source,
    ...(registry ? { registry } : {}),
    location: packageRootIn(projectDir(pluginsDir, manifest.name), manifest.name),
    installedAt: new Date().toISOString(),
    ...(stage.integrity ? { integrity: stage.integrity } : {}),
  };
}

/** The registry npm config picks for a package (its scope's registry, else the default). */
export function registryFor(name: string, npmOptions: Record<string, unknown>): string | undefined {
  const scope = name.startsWith('@') ? name.split('/')[0] : undefined;
  const scoped = scope ? npmOptions[`${scope}:registry`] : undefined;
  const value = scoped ?? npmOptions.registry;
  return typeof value === 'string' ? value : undefined;
}
