import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { pluginError, PluginErrorCodes } from '../errors';
import { commitRecord } from '../install/commit';
import { readIndexSafe } from '../index-file/readIndexSafe';
import { readLinkedDefinitions } from '../index-file/linkedEntry';
import { readRecordsForChange } from '../store/recover';
import { sweepLeftovers } from '../store/sweep';
import type { EngineOptions, PluginIssue } from '../types';
import { takenNames } from '../validate/collisions';
import { readPackageJson } from '../validate/pluginManifest';
import { validatePlugin } from '../validate/validatePlugin';
import { runOperation } from './operation';

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
  /** The installed version the link stands in for, restored by `unlink`. */
  shadows?: string;
}

function packageName(location: string): string | undefined {
  try {
    return readPackageJson(location).name;
  } catch {
    return undefined;
  }
}

/**
 * Links a plugin under development: records it with source "link" and its folder's real path,
 * so edits show up without reinstalling. Its definitions module is run (sandboxed) to write its
 * command manifest, now and whenever the module changes. An installed plugin of the same name is
 * kept, unused, until `unlink` puts it back.
 */
export async function linkPlugin(options: LinkOptions): Promise<LinkResult> {
  const { host, pluginsDir } = options;
  let location: string;
  try {
    location = realpathSync(resolve(options.folder));
  } catch {
    throw pluginError(
      PluginErrorCodes.PACKAGE_NOT_FOUND,
      `The folder ${resolve(options.folder)} does not exist.`,
      { hint: 'Check the path.', details: { folder: options.folder } },
    );
  }
  return runOperation(options, 'link', async () => {
    const { records } = readRecordsForChange(pluginsDir, host);
    sweepLeftovers(pluginsDir, records);
    const previousIndex = readIndexSafe(pluginsDir, host);
    // Its own earlier link or install does not count as a collision.
    const taken = takenNames(host, records, previousIndex, new Set([packageName(location)]));
    // Regenerates the manifest from the module first, so validation reads what the author has now.
    readLinkedDefinitions(location, host);
    const v = await validatePlugin(location, host, { taken });
    const errors = v.errors.filter((e) => !(options.force && e.code === 'INCOMPATIBLE'));
    if (errors.length > 0 || !v.pkg?.name || !v.pkg.version) {
      throw pluginError(
        PluginErrorCodes.INVALID,
        `${location} is not a valid ${host.name}` +
          ` plugin: ${errors.map((e) => e.message).join('; ') || 'package.json needs a name and version'}.`,
        {
          hint: `${host.name} plugins validate ${location}`,
          details: { folder: location, errors },
        },
      );
    }
    const { name, version } = v.pkg as { name: string; version: string };
    const previous = records.plugins[name];
    const shadows = previous?.source === 'link' ? previous.shadows : previous;
    records.plugins[name] = {
      name,
      version,
      spec: location,
      source: 'link',
      location,
      installedAt: new Date().toISOString(),
      ...(shadows ? { shadows } : {}),
    };
    commitRecord({ pluginsDir, host, records, previousIndex });
    return {
      name,
      version,
      location,
      commands: (v.definitions?.commands ?? []).map((c) => c.name),
      warnings: v.warnings,
      ...(shadows ? { shadows: shadows.version } : {}),
    };
  });
}

/**
 * Removes a linked plugin's record (its folder is left alone) and puts back the installed plugin it stood in
 * for.
 */
export async function unlinkPlugin(
  options: EngineOptions & { name: string },
): Promise<{ name: string; location: string; restored?: string }> {
  const { host, pluginsDir, name } = options;
  return runOperation(options, 'unlink', async () => {
    const { records } = readRecordsForChange(pluginsDir, host);
    const record = records.plugins[name];
    if (!record || record.source !== 'link') {
      throw pluginError(PluginErrorCodes.NOT_FOUND, `No linked plugin named ${name}.`, {
        hint: `${host.name} plugins list`,
        details: { name },
      });
    }
    const previousIndex = readIndexSafe(pluginsDir, host);
    if (record.shadows) records.plugins[name] = record.shadows;
    else delete records.plugins[name];
    commitRecord({ pluginsDir, host, records, previousIndex });
    return {
      name,
      location: record.location,
      ...(record.shadows ? { restored: record.shadows.version } : {}),
    };
  });
}
