import type { CommandContext } from '@edict/core';

/** `mycli info`: a table of host facts; the same facts are the `--json` data. */
export function handler(ctx: CommandContext): Record<string, string> {
  const facts = {
    name: ctx.host.name,
    version: ctx.host.version,
    home: ctx.host.home,
    config: ctx.config.path,
    envPrefix: ctx.host.envPrefix,
  };
  ctx.out.table(Object.entries(facts).map(([fact, value]) => ({ fact, value })));
  return facts;
}
