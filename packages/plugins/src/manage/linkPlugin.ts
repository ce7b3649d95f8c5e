import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { pluginError, PluginErrorCodes } from '../errors';
import { cleanStaging, commitChanges } from '../install/commit';
import { readIndexSafe } from '../index-file/readIndexSafe';
import { withLock } from '../store/lock';
import { readRecords } from '../store/record';
import type { EngineOptions, PluginIssue } from '../types';
import { claimedNames } from '../validate/collisions';
import { readPackageJson } from '../validate/pluginManifest';
import { validatePlugin } from '../validate/validatePlugin';

export interface LinkOptions extends EngineOptions {
  /** The plugin's folder (its dependencies are the author's business: `npm install` there). */
  folder: string;
  /** Link even when peer ranges exclude this host. */
  force?: boolean;
}

export interface LinkResult {
  name: string;
  version: string;
  location: string;
  commands: string[];
  warnings: PluginIssue[];
}

/**
 * Links a plugin under development: records it with source "link" and its folder's real path,
 * so edits show up without reinstalling (the index notices a changed definitions file).
 */
export async function linkPlugin(options: LinkOptions): Promise<LinkResult> {
  const { host, pluginsDir } = options;
  const location = realpathSync(resolve(options.folder));
  return withLock(pluginsDir, 'link', host.name, async () => {
    const records = readRecords(pluginsDir);
    const previousIndex = readIndexSafe(pluginsDir, host);
    // Its own earlier link must not count as a collision; a package.json that cannot be read is
    // reported by the validation below.
    let pkgName: string | undefined;
    try {
      pkgName = readPackageJson(location).name;
    } catch {
      pkgName = undefined;
    }
    const taken = new Map<string, string>(host.builtinNames.map((n) => [n, 'built-in']));
    for (const e of previousIndex.plugins) if (e.name !== pkgName) for (const n of claimedNames(e.commands)) taken.set(n, e.name);
    const v = await validatePlugin(location, host, { taken });
    const errors = v.errors.filter((e) => !(options.force && e.code === 'INCOMPATIBLE'));
    if (errors.length > 0 || !v.pkg?.name || !v.pkg.version) {
      throw pluginError(PluginErrorCodes.INVALID, `${location} is not a valid ${host.name} plugin: ${errors.map((e) => e.message).join('; ') || 'package.json needs a name and version'}.`, {
        hint: `${host.name} plugins validate ${location}`,
        details: { folder: location, errors },
      });
    }
    const { name, version } = v.pkg as { name: string; version: string };
    const previous = records.plugins[name];
    records.plugins[name] = { name, version, spec: location, source: 'link', location, installedAt: new Date().toISOString() };
    try {
      // a linked plugin replaces an installed one of the same name: its folder goes
      commitChanges({ pluginsDir, host, changes: previous && previous.source !== 'link' ? [{ name, remove: true }] : [], records, previousIndex });
    } finally {
      cleanStaging(pluginsDir, []);
    }
    return { name, version, location, commands: (v.definitions?.commands ?? []).map((c) => c.name), warnings: v.warnings };
  });
}

/** Removes a linked plugin's record (its folder is left alone). */
export async function unlinkPlugin(options: EngineOptions & { name: string }): Promise<{ name: string; location: string }> {
  const { host, pluginsDir, name } = options;
  return withLock(pluginsDir, 'unlink', host.name, async () => {
    const records = readRecords(pluginsDir);
    const record = records.plugins[name];
    if (!record || record.source !== 'link') {
      throw pluginError(PluginErrorCodes.NOT_FOUND, `No linked plugin named ${name}.`, { hint: `${host.name} plugins list`, details: { name } });
    }
    const previousIndex = readIndexSafe(pluginsDir, host);
    delete records.plugins[name];
    commitChanges({ pluginsDir, host, changes: [], records, previousIndex });
    return { name, location: record.location };
  });
}
