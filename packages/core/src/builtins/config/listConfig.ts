import type { CommandContext } from '../../api/context';
import { findConfigLayers } from '../../profiles/findConfigLayers';
import { teamListing, teamListingLines, type TeamListing } from './teamListing';
import type { TeamConfigEnv } from './teamConfigEnv';

/**
 * `config list`: the merged view of the config files (profiles, defaults; secure values shown
 * as `(secure)`), then the option defaults of config.json; `--locations` names the file of each
 * value.
 */
export function listConfig(
  ctx: CommandContext,
  env: TeamConfigEnv,
): { path: string; values: Record<string, unknown> } & TeamListing {
  const locations = ctx.args.locations === true;
  const listing = teamListing(
    findConfigLayers(ctx.host.name, ctx.host.cwd, ctx.host.dirs.config),
    env.profileTypes(),
  );
  const values = ctx.config.list();
  const keys = Object.keys(values).sort();
  for (const line of teamListingLines(listing, locations)) ctx.out.text(line);
  if (keys.length === 0 && listing.files.length === 0) ctx.out.text(`No settings in ${ctx.config.path}.`);
  if (keys.length > 0 && listing.files.length > 0) ctx.out.text('Option defaults:');
  const indent = listing.files.length > 0 ? '  ' : '';
  const at = locations ? `  [${ctx.config.path}]` : '';
  for (const key of keys) ctx.out.text(`${indent}${key} = ${JSON.stringify(values[key])}${at}`);
  return { path: ctx.config.path, values, ...listing };
}
