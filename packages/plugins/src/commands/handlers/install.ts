import type { CommandContext } from '@edict/core';
import { installPlugins, type InstallResult } from '../../manage/installPlugins';
import { listArg, withEngine } from '../engineContext';

/** `plugins install [spec...]`: prints `name@version (was x)` per plugin and what was skipped. */
export async function handler(ctx: CommandContext): Promise<InstallResult> {
  const specs = listArg(ctx.args.spec);
  const file = typeof ctx.args.file === 'string' ? ctx.args.file : undefined;
  const result = await withEngine(ctx, 'Installing plugins', true, ({ options }) =>
    installPlugins({
      ...options,
      specs,
      ...(file ? { file } : {}),
      force: ctx.args.force === true,
      ...(ctx.args.allowScripts === true ? { allowScripts: true } : {}),
      cwd: ctx.host.cwd,
    }),
  );
  if (result.installed.length === 0) ctx.out.text('Nothing to install.');
  for (const p of result.installed) {
    const was = p.previousVersion && p.previousVersion !== p.version ? ` (was ${p.previousVersion})` : '';
    const types = p.profileTypes.length > 0 ? `; profile types ${p.profileTypes.join(', ')}` : '';
    ctx.out.text(
      `Installed ${p.name}@${p.version}${was}: commands ${p.commands.join(', ') || '(none)'}${types}`,
    );
    for (const w of p.warnings) ctx.out.warn(`${p.name}: ${w}`);
    if (p.skippedScripts.length > 0) {
      const names = p.skippedScripts.map((s) => s.name).join(', ');
      ctx.out.warn(
        `${p.name}: install scripts not run for ${names}. Rerun with --allow-scripts if they are needed.`,
      );
    }
  }
  return result;
}
