import { mkdirSync, renameSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readIndexSafe } from '../index-file/readIndexSafe';
import { explainNpmError } from '../npm/npmErrors';
import { watchRegistry } from '../npm/watchRegistry';
import type { ParsedSpec } from '../npm/spec';
import { loadPacote, type Manifest } from '../heavy';
import { pluginError, PluginErrorCodes } from '../errors';
import { pluginModuleType } from '../runtime/moduleType';
import { writeEntryFile } from '../store/entryFile';
import { packageRootIn } from '../store/paths';
import { newVersionFolder } from './versionFolder';
import { readRecordsForChange } from '../store/recover';
import { sweepLeftovers } from '../store/sweep';
import type { PluginRecord, PluginRecordFile } from '../types';
import { claimedNames, takenNames } from '../validate/collisions';
import { takenProfileTypes } from '../validate/profileTypeClaims';
import { assertInstallable } from '../validate/compatibility';
import { validatePlugin } from '../validate/validatePlugin';
import { commitRecord } from './commit';
import { refuseInvalid, type Taken } from './refuseInvalid';
import { hooksAllowed, runHook, type HookRun } from './hooks';
import type { SkippedScript } from './scripts';
import type { PipelineOptions } from './pipelineOptions';
import { prefetchPackuments } from './prefetch';
import { stagePlugin } from './stage';

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
  /** Profile types it declares. */
  profileTypes: string[];
  /** Packages in its tree whose install scripts were not run. */
  skippedScripts: SkippedScript[];
  /** Validation warnings. */
  warnings: string[];
  hooks: HookRun[];
}

/**
 * Resolves a spec to its manifest (registry metadata, or the package.json in a folder/tarball),
 * always asking the registry for fresh metadata. The document lands in `packuments` when given.
 */
export async function resolveManifest(
  spec: ParsedSpec,
  opts: PipelineOptions,
  packuments?: Map<string, unknown>,
): Promise<Manifest> {
  opts.onProgress?.({ phase: 'resolve', message: `Resolving ${spec.raw}` });
  const stopWatching = watchRegistry(opts.npmOptions ?? {}, opts.onProgress);
  try {
    return await loadPacote().manifest(spec.fetchSpec, {
      ...opts.npmOptions,
      preferOnline: true,
      fullMetadata: true,
      ...(packuments ? { packumentCache: packuments } : {}),
    });
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
 * any tarball is fetched; then each plugin's tree is staged and validated from its command
 * manifest (data: no plugin code runs), moved into a new version folder with the engine's entry
 * file, its postInstall hook run if the user allowed scripts, and the record written: the one
 * commit point. Until then the old record names the old folders, untouched; any failure removes
 * what was moved in. The caller holds the lock.
 */
export async function installItems(
  items: readonly InstallItem[],
  opts: PipelineOptions,
): Promise<InstalledPlugin[]> {
  const { pluginsDir, host } = opts;
  const { records, notes } = readRecordsForChange(pluginsDir, host);
  sweepLeftovers(pluginsDir, records);
  const before: PluginRecordFile = { version: 2, plugins: { ...records.plugins } };
  const previousIndex = readIndexSafe(pluginsDir, host);
  const manifests: Manifest[] = [];
  // One set of registry documents for the whole command, as npm has: plugins that share
  // dependencies ask for each document once.
  const packuments = new Map<string, unknown>(items.flatMap((item) => [...(item.packuments ?? [])]));
  for (const item of items) {
    const manifest = await resolveManifest(item.fetch, opts, packuments);
    assertInstallable(manifest, host, opts.force);
    if (manifests.some((m) => m.name === manifest.name)) {
      throw pluginError(PluginErrorCodes.SPEC_INVALID, `${manifest.name} is named twice in one install.`, {
        details: { name: manifest.name },
      });
    }
    manifests.push(manifest);
  }
  const installing = new Set(manifests.map((m) => m.name));
  const taken: Taken = {
    names: takenNames(host, records, previousIndex, installing),
    types: takenProfileTypes(host, records, previousIndex, installing),
  };
  const results: InstalledPlugin[] = [];
  const fresh: { record: PluginRecord; hook?: string }[] = [];
  try {
    for (const [i, item] of items.entries()) {
      const manifest = manifests[i]!;
      // The registry is the bottleneck: its documents are asked for while arborist loads.
      opts.onProgress?.({
        phase: 'fetch',
        name: manifest.name,
        message: `Fetching ${manifest.name}@${manifest.version} and its dependencies`,
      });
      const prefetch = prefetchPackuments(manifest, opts.npmOptions ?? {}, packuments, opts.onProgress);
      await prefetch.started;
      const stage = await stagePlugin({
        pluginsDir,
        manifest,
        dependencySpec: dependencySpec(item.fetch, manifest),
        npmOptions: { ...opts.npmOptions, packumentCache: packuments },
        scripts: opts.scripts,
        spec: item.fetch.raw,
        hostName: host.name,
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      }).finally(() => prefetch.stop());
      opts.onProgress?.({
        phase: 'validate',
        name: manifest.name,
        message: `Validating ${manifest.name}@${manifest.version}`,
      });
      const v = await validatePlugin(stage.root, host, {
        taken: taken.names,
        takenProfileTypes: taken.types,
      });
      refuseInvalid(manifest, v, opts, taken, item.fetch);
      const defs = v.definitions!;
      const owns = claimedNames(defs.commands);
      const types = defs.profileTypes.map((t) => t.type);
      for (const n of owns) taken.names.set(n, manifest.name);
      for (const n of types) taken.types.set(n, manifest.name);
      const folder = newVersionFolder(pluginsDir, manifest.name, manifest.version);
      const record = newRecord(item, manifest, stage.integrity, folder, { owns, types }, opts);
      const moduleType = pluginModuleType(v.pkg?.type, defs);
      writeEntryFile(stage.project, {
        entryVersion: 1,
        name: manifest.name,
        version: manifest.version,
        moduleType,
        source: defs.source ?? 'manifest',
        commands: defs.declared,
        ...(types.length > 0 ? { profileTypes: defs.profileTypes } : {}),
        hooks: defs.declaredHooks,
        record,
      });
      mkdirSync(dirname(folder), { recursive: true });
      renameSync(stage.project, folder);
      const previous = records.plugins[manifest.name];
      results.push({
        name: manifest.name,
        version: manifest.version,
        commands: defs.commands.map((c) => c.name),
        profileTypes: types,
        skippedScripts: stage.skippedScripts,
        warnings: v.warnings.map((w) => w.message),
        hooks: [],
        ...(previous ? { previousVersion: previous.version } : {}),
      });
      fresh.push({
        record,
        ...(defs.declaredHooks.postInstall ? { hook: defs.declaredHooks.postInstall } : {}),
      });
    }
    for (const [i, { record, hook }] of fresh.entries()) {
      const result = results[i]!;
      if (!hook) continue;
      if (!hooksAllowed(opts.scripts, record.name)) {
        result.warnings.push(
          `its postInstall hook was not run: hooks are plugin code, run only with --allow-scripts`,
        );
        continue;
      }
      opts.onProgress?.({
        phase: 'hook',
        name: record.name,
        message: `Running postInstall of ${record.name}`,
      });
      const root = record.location;
      result.hooks.push(
        await runHook({
          hook: 'postInstall',
          file: resolve(root, hook),
          plugin: { name: record.name, version: record.version, root },
          host,
          pluginsDir,
        }),
      );
    }
    for (const { record } of fresh) records.plugins[record.name] = record;
    opts.onProgress?.({ phase: 'commit', message: 'Committing' });
    const { warnings } = commitRecord({ pluginsDir, host, records, previousIndex });
    if (results[0]) results[0].warnings.push(...notes, ...warnings);
    return results;
  } catch (err) {
    sweepLeftovers(pluginsDir, before);
    throw err;
  } finally {
    packuments.clear();
  }
}

function newRecord(
  item: InstallItem,
  manifest: Manifest,
  integrity: string | undefined,
  folder: string,
  owned: { owns: string[]; types: string[] },
  opts: PipelineOptions,
): PluginRecord {
  const registry =
    item.fetch.source === 'registry' ? registryFor(manifest.name, opts.npmOptions ?? {}) : undefined;
  return {
    name: manifest.name,
    version: manifest.version,
    spec: item.recordSpec,
    ...(item.range ? { range: item.range } : {}),
    source: item.fetch.source,
    ...(registry ? { registry } : {}),
    location: packageRootIn(folder, manifest.name),
    folder,
    owns: owned.owns,
    ownsProfileTypes: owned.types,
    installedAt: new Date().toISOString(),
    ...(integrity ? { integrity } : {}),
    ...(opts.force ? { forced: true } : {}),
  };
}
/** The registry npm config picks for a package (its scope's registry, else the default). */
export function registryFor(name: string, npmOptions: Record<string, unknown>): string | undefined {
  const scope = name.startsWith('@') ? name.split('/')[0] : undefined;
  const scoped = scope ? npmOptions[`${scope}:registry`] : undefined;
  const value = scoped ?? npmOptions.registry;
  return typeof value === 'string' ? value : undefined;
}
