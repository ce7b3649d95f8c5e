import type { CommandContext } from '../../api/context';
import { EdictError } from '../../errors/EdictError';
import { findConfigLayers } from '../../profiles/findConfigLayers';
import { teamListing } from './teamListing';
import type { TeamConfigEnv } from './teamConfigEnv';
import { parseTeamKey } from './teamKey';

/** What `config get` of a team key reports; a secure value is never shown. */
export interface TeamGetResult {
  key: string;
  file: string;
  secure: boolean;
  value?: unknown;
}

/**
 * `config get` of a team key: the value the files give it, merged as `config list` merges
 * (a secure property prints `(secure)`); EDICT_CONFIG_KEY_NOT_SET when no file sets it.
 */
export function getTeamValue(ctx: CommandContext, env: TeamConfigEnv, key: string): TeamGetResult {
  const parsed = parseTeamKey(key, ctx.host.name);
  const layers = findConfigLayers(ctx.host.name, ctx.host.cwd, ctx.host.dirs.config);
  const listing = teamListing(layers, env.profileTypes());
  let found: TeamGetResult | undefined;
  if (parsed.kind === 'default') {
    const d = listing.defaults[parsed.type];
    if (d !== undefined) found = { key, file: d.file, secure: false, value: d.profile };
  } else {
    const profile = listing.profiles.find((p) => p.name === parsed.profile);
    if (parsed.kind === 'type' && profile?.type !== undefined)
      found = { key, file: profile.file, secure: false, value: profile.type };
    const property = parsed.kind === 'property' ? profile?.properties[parsed.property] : undefined;
    if (property !== undefined) found = { key, ...property };
  }
  if (found === undefined)
    throw new EdictError('EDICT_CONFIG_KEY_NOT_SET', `The config key "${key}" is set in no config file.`, {
      hint: `${ctx.host.name} config set ${key} <value>`,
      details: { key, files: listing.files },
    });
  const shown = found.secure ? '(secure)' : found.value;
  ctx.out.text(typeof shown === 'string' ? shown : JSON.stringify(shown));
  return found;
}
