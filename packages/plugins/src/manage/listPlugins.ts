import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readIndexSafe } from '../index-file/readIndexSafe';
import { readRecordsForRun } from '../store/recover';
import type { CommandNode } from '@edict/core';
import type { EngineOptions, PluginIndexEntry, PluginSource } from '../types';
import { describeIncompatibilities, findIncompatibilities } from '../validate/compatibility';
import { readPackageJson } from '../validate/pluginManifest';

export type PluginHealth = 'ok' | 'incompatible' | 'broken' | 'missing' | 'conflict';

export interface PluginListing {
  name: string;
  version: string;
  spec: string;
  source: PluginSource;
  location: string;
  /** Top-level commands it provides (as in the index). */
  commands: string[];
  /** The profile types it declares (as in the index). */
  profileTypes: string[];
  health: PluginHealth;
  /** Why the health is not ok. */
  problem?: string;
}

/** Handler and hook files the index names that are not on disk. */
function missingFiles(entry: PluginIndexEntry): string[] {
  const files: string[] = Object.values(entry.hooks).filter((f): f is string => typeof f === 'string');
  const walk = (nodes: readonly CommandNode[]): void => {
    for (const n of nodes) {
      if (n.kind === 'group') walk(n.children);
      else if (typeof n.handler === 'string') files.push(n.handler);
    }
  };
  walk(entry.commands);
  return files.filter((f) => !existsSync(f));
}

/** Every recorded plugin with its commands and health. */
export function listPlugins(options: Pick<EngineOptions, 'pluginsDir' | 'host'>): PluginListing[] {
  const { pluginsDir, host } = options;
  const { records } = readRecordsForRun(pluginsDir, host);
  const index = readIndexSafe(pluginsDir, host);
  return Object.values(records.plugins)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((r) => {
      const entry = index.plugins.find((p) => p.name === r.name);
      const base = {
        name: r.name,
        version: r.version,
        spec: r.spec,
        source: r.source,
        location: r.location,
        commands: entry ? entry.commands.map((c) => c.name) : [],
        profileTypes: entry?.profileTypes?.map((t) => t.type) ?? [],
      };
      if (!existsSync(join(r.location, 'package.json')))
        return { ...base, health: 'missing' as const, problem: `${r.location} does not exist` };
      let incompat;
      try {
        incompat = findIncompatibilities(readPackageJson(r.location), host);
      } catch (err) {
        return {
          ...base,
          health: 'broken' as const,
          problem: `cannot read its package.json: ${(err as Error).message}`,
        };
      }
      if (incompat.length > 0)
        return { ...base, health: 'incompatible' as const, problem: describeIncompatibilities(incompat) };
      if (!entry) {
        const warning = index.warnings.find((w) => w.includes(`plugin ${r.name} `));
        return {
          ...base,
          health: 'broken' as const,
          problem: warning ?? 'its definitions could not be loaded',
        };
      }
      if (entry.conflicts?.length) {
        return {
          ...base,
          health: 'conflict' as const,
          problem:
            `command ${entry.conflicts.map((c) => `"${c}"`).join(', ')} is skipped: ` +
            'another plugin or the CLI owns it',
        };
      }
      const lost = missingFiles(entry);
      if (lost.length > 0)
        return {
          ...base,
          health: 'broken' as const,
          problem: `handler or hook file ${lost.join(', ')} does not exist`,
        };
      return { ...base, health: 'ok' as const };
    });
}
