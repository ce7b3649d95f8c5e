import type { CommandContext } from '@edict/core';
import { listPlugins, type PluginListing } from '../../manage/listPlugins';
import { pluginHostOf, pluginsDirOf } from '../../runtime/pluginHost';

/** `plugins list`: a table of installed plugins and their health. */
export function handler(ctx: CommandContext): PluginListing[] {
  const plugins = listPlugins({ pluginsDir: pluginsDirOf(ctx.host), host: pluginHostOf(ctx.host) });
  if (plugins.length === 0) {
    ctx.out.text(`No plugins installed. Find some with: ${ctx.host.name} plugins search ${ctx.host.name}`);
    return plugins;
  }
  // the column only when a plugin declares profile types: most plugin sets have none
  const typed = plugins.some((p) => p.profileTypes.length > 0);
  ctx.out.table(
    plugins.map((p) => ({
      name: p.name,
      version: p.version,
      spec: p.spec,
      source: p.source,
      commands: p.commands.join(', '),
      ...(typed ? { 'profile types': p.profileTypes.join(', ') } : {}),
      health: p.health,
    })),
  );
  for (const p of plugins) if (p.problem) ctx.out.warn(`${p.name}: ${p.problem}`);
  return plugins;
}
