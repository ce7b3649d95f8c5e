import type { CommandContext } from '@edict/core';
import { uninstallPlugins, type UninstallResult } from '../../manage/uninstallPlugins';
import { listArg, withEngine } from '../engineContext';

/** `plugins uninstall <name...>` */
export async function handler(ctx: CommandContext): Promise<UninstallResult> {
  const result = await withEngine(ctx, 'Uninstalling plugins', false, ({ options }) =>
    uninstallPlugins({ ...options, names: listArg(ctx.args.name), force: ctx.args.force === true, ...(ctx.args.allowScripts === true ? { allowScripts: true } : {}) }),
  );
  for (const p of result.uninstalled) {
    ctx.out.text(`Uninstalled ${p.name}@${p.version}`);
    for (const w of p.warnings) ctx.out.warn(`${p.name}: ${w}`);
  }
  return result;
}
