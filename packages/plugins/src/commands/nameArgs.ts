import type { CommandContext } from '@edict/core';
import { pluginHostOf, pluginsDirOf } from '../runtime/pluginHost';
import { readRecordsForRun } from '../store/recover';
import type { PluginRecord } from '../types';

/** A plugin argument split into its package name and the version or range after it, if any. */
export interface NameArg {
  name: string;
  version?: string;
}

/** `x@1.0.0` → `x` and `1.0.0`; `@scope/x@^1` → `@scope/x` and `^1`; `@scope/x` and `x` have no version. */
export function splitNameVersion(arg: string): NameArg {
  const at = arg.indexOf('@', arg.startsWith('@') ? 1 : 0);
  if (at <= 0) return { name: arg };
  const version = arg.slice(at + 1);
  return { name: arg.slice(0, at), ...(version ? { version } : {}) };
}

/**
 * The plugin names of `plugins uninstall|update|info` arguments, versions stripped (as users
 * type `name@1.0.0` after `plugins list`), with a warning through `warn(arg, record)` for each
 * argument that carried a version, given the installed record (undefined when not installed).
 */
export function stripVersions(
  ctx: CommandContext,
  args: readonly string[],
  warn: (arg: NameArg, record: PluginRecord) => string | undefined,
): string[] {
  const split = args.map(splitNameVersion);
  if (split.some((a) => a.version !== undefined)) {
    const records = readRecordsForRun(pluginsDirOf(ctx.host), pluginHostOf(ctx.host)).records.plugins;
    for (const arg of split) {
      const record = records[arg.name];
      const message = arg.version === undefined || !record ? undefined : warn(arg, record);
      if (message) ctx.out.warn(message);
    }
  }
  return [...new Set(split.map((a) => a.name))];
}
