import type { CommandContext } from '@edict/core';
import { uninstallPlugins, type UninstallResult } from '../../manage/uninstallPlugins';
import { listArg, withEngine } from '../engineContext';
import { stripVersions } from '../nameArgs';

/**
 * `plugins uninstall <name...>`; `name@version` is `name`, with a warning when another version is installed.
 */
export async function handler(ctx: CommandContext): Promise<UninstallResult> {
  const names = stripVersions(ctx, listArg(ctx.args.name), (arg, record) =>
    arg.version === record.version
      ? undefined
      : `${arg.name}@${arg.version}: the installed version is ${record.version}; uninstalling it.`,
  );
  const result = await withEngine(ctx, 'Uninstalling plugins', false, ({ options }) =>
    uninstallPlugins({
      ...options,
      names,
      force: ctx.args.force === true,
      ...(ctx.args.allowScripts === true ? { allowScripts: true } : {}),
    }),
  );
  for (const p of result.uninstalled) {
    ctx.out.text(`Uninstalled ${p.name}@${p.version}`);
    for (const w of p.warnings) ctx.out.warn(`${p.name}: ${w}`);
  }
  return result;
}
