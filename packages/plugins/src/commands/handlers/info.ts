import type { CommandContext } from '@edict/core';
import { pluginError, PluginErrorCodes } from '../../errors';
import { listPlugins, type PluginListing } from '../../manage/listPlugins';
import { readIndexSafe } from '../../index-file/readIndexSafe';
import { pluginHostOf, pluginsDirOf } from '../../runtime/pluginHost';
import { readRecordsForRun } from '../../store/recover';
import type { PluginIndexEntry, PluginRecord } from '../../types';
import { splitNameVersion } from '../nameArgs';
import { readPackageJson, type PluginPackageJson } from '../../validate/pluginManifest';

/** Everything known about one plugin. */
export interface PluginInfo {
  record: PluginRecord;
  listing?: PluginListing;
  index?: PluginIndexEntry;
  packageJson?: PluginPackageJson;
}

/**
 * `plugins info <name>` (or `name@version`: the installed version is shown, with a warning when it differs):
 * record, health, commands, hooks and package metadata.
 */
export function handler(ctx: CommandContext): PluginInfo {
  const pluginsDir = pluginsDirOf(ctx.host);
  const host = pluginHostOf(ctx.host);
  const { name, version } = splitNameVersion(String(ctx.args.name));
  const record = readRecordsForRun(pluginsDir, host).records.plugins[name];
  if (record && version !== undefined && version !== record.version)
    ctx.out.warn(`${name}@${version}: the installed version is ${record.version}; showing it.`);
  if (!record) {
    throw pluginError(PluginErrorCodes.NOT_FOUND, `No plugin named ${name} is installed.`, {
      hint: `${ctx.host.name} plugins list`,
      details: { name },
    });
  }
  const listing = listPlugins({ pluginsDir, host }).find((p) => p.name === name);
  const index = readIndexSafe(pluginsDir, host).plugins.find((p) => p.name === name);
  let packageJson: PluginPackageJson | undefined;
  try {
    packageJson = readPackageJson(record.location);
  } catch {
    packageJson = undefined;
  }
  const rows: [string, string][] = [
    ['name', record.name],
    ['version', record.version],
    ['description', String((packageJson as { description?: unknown } | undefined)?.description ?? '')],
    ['requested', record.spec],
    ['update range', record.range ?? '(fixed)'],
    ['source', record.source],
    ['registry', record.registry ?? ''],
    ['location', record.location],
    ['installed', record.installedAt],
    ['health', listing ? `${listing.health}${listing.problem ? ` — ${listing.problem}` : ''}` : 'unknown'],
    ['module type', index?.moduleType ?? ''],
    ['commands', listing?.commands.join(', ') ?? ''],
    ['profile types', listing?.profileTypes.join(', ') ?? ''],
    ['hooks', Object.keys(index?.hooks ?? {}).join(', ')],
    [
      'peer ranges',
      Object.entries(packageJson?.peerDependencies ?? {})
        .map(([k, v]) => `${k}@${v}`)
        .join(', '),
    ],
  ];
  for (const [k, v] of rows) if (v) ctx.out.text(`${k.padEnd(13)} ${v}`);
  return {
    record,
    ...(listing ? { listing } : {}),
    ...(index ? { index } : {}),
    ...(packageJson ? { packageJson } : {}),
  };
}
