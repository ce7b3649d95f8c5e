import type { CommandContext } from '../../api/context';
import { findConfigLayers } from '../../profiles/findConfigLayers';
import { teamListing } from './teamListing';
import type { TeamConfigEnv } from './teamConfigEnv';

/** One profile type of `config profiles`, with the profiles of that type. */
export interface ProfileTypeListing {
  type: string;
  summary?: string;
  properties: string[];
  profiles: { name: string; default: boolean; file: string }[];
}

/** `config profiles`: each known profile type (host, plugins), the profiles of each, the default marked. */
export function listProfileTypes(ctx: CommandContext, env: TeamConfigEnv): ProfileTypeListing[] {
  const types = env.profileTypes();
  const listing = teamListing(findConfigLayers(ctx.host.name, ctx.host.cwd, ctx.host.dirs.config), types);
  const result = types.map((t) => ({
    type: t.type,
    ...(t.summary === undefined ? {} : { summary: t.summary }),
    properties: Object.keys(t.properties),
    profiles: listing.profiles
      .filter((p) => p.type === t.type)
      .map((p) => ({ name: p.name, default: p.default, file: p.file })),
  }));
  if (result.length === 0) ctx.out.text('No profile types are known.');
  for (const t of result) {
    ctx.out.text(`${t.type}${t.summary ? ` - ${t.summary}` : ''}`);
    if (t.profiles.length === 0) ctx.out.text('  (no profiles)');
    for (const p of t.profiles) ctx.out.text(`  ${p.default ? '*' : ' '} ${p.name}`);
  }
  return result;
}
