import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandContext } from '@edict/core';
import { pluginError, PluginErrorCodes } from '../../errors';
import { readIndexSafe } from '../../index-file/readIndexSafe';
import { pluginHostOf, pluginsDirOf } from '../../runtime/pluginHost';
import { readRecordsForRun } from '../../store/recover';
import type { PluginHost, PluginIssue } from '../../types';
import { takenNames } from '../../validate/collisions';
import { readPackageJson } from '../../validate/pluginManifest';
import { validatePlugin } from '../../validate/validatePlugin';

/** One validated plugin, as printed and returned. */
export interface ValidationReport {
  plugin: string;
  root: string;
  errors: PluginIssue[];
  warnings: PluginIssue[];
}

function targets(ctx: CommandContext, pluginsDir: string): { plugin: string; root: string }[] {
  const records = readRecordsForRun(pluginsDir, pluginHostOf(ctx.host)).records.plugins;
  const wanted = typeof ctx.args.plugin === 'string' ? ctx.args.plugin : undefined;
  if (wanted === undefined) return Object.values(records).map((r) => ({ plugin: r.name, root: r.location }));
  const record = records[wanted];
  if (record) return [{ plugin: record.name, root: record.location }];
  const folder = resolve(ctx.host.cwd, wanted);
  if (existsSync(resolve(folder, 'package.json'))) return [{ plugin: wanted, root: folder }];
  throw pluginError(
    PluginErrorCodes.NOT_FOUND,
    `"${wanted}" is neither an installed plugin nor a folder with a package.json.`,
    {
      hint: `${ctx.host.name} plugins list`,
      details: { plugin: wanted, folder },
    },
  );
}

/** The package name in `root`, if its package.json can be read. */
function packageNameOf(root: string): string | undefined {
  try {
    return readPackageJson(root).name;
  } catch {
    return undefined;
  }
}

/** Names the plugin in `root` may not claim; its own entry, by package name, does not count. */
function takenFor(pluginsDir: string, host: PluginHost, root: string): Map<string, string> {
  return takenNames(
    host,
    readRecordsForRun(pluginsDir, host).records,
    readIndexSafe(pluginsDir, host),
    new Set([packageNameOf(root)]),
  );
}

/** `plugins validate [plugin]`: errors and warnings; exits 1 when any plugin has errors. */
export async function handler(ctx: CommandContext): Promise<ValidationReport[]> {
  const pluginsDir = pluginsDirOf(ctx.host);
  const host = pluginHostOf(ctx.host);
  const reports: ValidationReport[] = [];
  for (const { plugin, root } of targets(ctx, pluginsDir)) {
    const { errors, warnings } = await validatePlugin(root, host, {
      taken: takenFor(pluginsDir, host, root),
    });
    reports.push({ plugin, root, errors, warnings });
  }
  if (reports.length === 0) ctx.out.text('No plugins installed.');
  for (const r of reports) {
    ctx.out.text(`${r.plugin} (${r.root}): ${r.errors.length} error(s), ${r.warnings.length} warning(s)`);
    for (const e of r.errors) ctx.out.text(`  error   ${e.code}: ${e.message}`);
    for (const w of r.warnings) ctx.out.text(`  warning ${w.code}: ${w.message}`);
  }
  const failed = reports.filter((r) => r.errors.length > 0);
  if (failed.length > 0) {
    const rerun = `${ctx.host.name} plugins validate ${failed[0]?.plugin ?? ''}`.trim();
    throw pluginError(
      PluginErrorCodes.INVALID,
      `Validation found errors in ${failed.map((r) => r.plugin).join(', ')}.`,
      {
        hint: `Fix the errors above, then run: ${rerun}`,
        details: { reports },
      },
    );
  }
  return reports;
}
