import type { CommandContext } from '@edict/core';
import { searchPlugins, type SearchHit } from '../../npm/search';
import { listArg, withEngine } from '../engineContext';

/** `plugins search <term...>`: registry packages with the `<host>-plugin` keyword. */
export async function handler(ctx: CommandContext): Promise<SearchHit[]> {
  const term = listArg(ctx.args.term).join(' ');
  const limit = typeof ctx.args.limit === 'number' ? ctx.args.limit : 20;
  const hits = await withEngine(ctx, 'Searching', true, ({ options }) =>
    searchPlugins({
      term,
      hostName: ctx.host.name,
      ...(options.npmOptions ? { npmOptions: options.npmOptions } : {}),
      limit,
    }),
  );
  if (hits.length === 0) ctx.out.text(`No ${ctx.host.name} plugins match "${term}".`);
  else
    ctx.out.table(hits.map((h) => ({ name: h.name, version: h.version, description: h.description ?? '' })));
  return hits;
}
