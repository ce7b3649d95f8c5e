import type { CommandContext } from '@edict/core';
import { updatePlugins, type PluginUpdate } from '../../manage/updatePlugins';
import { listArg, withEngine } from '../engineContext';
import { stripVersions } from '../nameArgs';

/**
 * `plugins update [name...]`: prints `name old → new` for each plugin. `name@range` is `name`:
 * the range recorded at install is used, with a warning (`plugins install name@range` changes it).
 */
export async function handler(ctx: CommandContext): Promise<PluginUpdate[]> {
  const names = stripVersions(
    ctx,
    listArg(ctx.args.name),
    (arg, record) =>
      `${arg.name}@${arg.version}: update ignores the version and ` +
      `uses the range recorded at install (${record.range ?? `fixed at ${record.version}`}` +
      `); to change it: ${ctx.host.name}` +
      ` plugins install ${arg.name}` +
      `@${arg.version}`,
  );
  const updates = await withEngine(ctx, 'Checking for updates', true, ({ options }) =>
    updatePlugins({ ...options, names }),
  );
  if (updates.length === 0) ctx.out.text('No plugins to update.');
  for (const u of updates) {
    const change = u.from === u.to ? `${u.from} (up to date)` : `${u.from} → ${u.to}`;
    ctx.out.text(`${u.name} ${change}${u.note ? ` — ${u.note}` : ''}`);
  }
  return updates;
}
