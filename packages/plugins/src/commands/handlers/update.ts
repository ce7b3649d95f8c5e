import type { CommandContext } from '@edict/core';
import { updatePlugins, type PluginUpdate } from '../../manage/updatePlugins';
import { listArg, withEngine } from '../engineContext';

/** `plugins update [name...]`: prints `name old → new` for each plugin. */
export async function handler(ctx: CommandContext): Promise<PluginUpdate[]> {
  const updates = await withEngine(ctx, 'Checking for updates', true, ({ options }) =>
    updatePlugins({ ...options, names: listArg(ctx.args.name) }),
  );
  if (updates.length === 0) ctx.out.text('No plugins to update.');
  for (const u of updates) {
    const change = u.from === u.to ? `${u.from} (up to date)` : `${u.from} → ${u.to}`;
    ctx.out.text(`${u.name} ${change}${u.note ? ` — ${u.note}` : ''}`);
  }
  return updates;
}
