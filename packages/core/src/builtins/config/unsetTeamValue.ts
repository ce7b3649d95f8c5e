import type { CommandContext } from '../../api/context';
import { findConfigLayers } from '../../profiles/findConfigLayers';
import { profileAt, profileJsonPath } from '../../profiles/profilePaths';
import { secureAccount } from '../../profiles/secureAccount';
import { setConfigValue } from '../../profiles/setConfigValue';
import { chooseConfigFile } from './chooseLayer';
import type { TeamConfigEnv } from './teamConfigEnv';
import { parseTeamKey } from './teamKey';

/**
 * `config unset` of a team key in the chosen file: removes the value (comments survive); a
 * secure property also leaves the `secure` array and the credential manager.
 */
export async function unsetTeamValue(
  ctx: CommandContext,
  env: TeamConfigEnv,
  key: string,
): Promise<{ key: string; file: string; removed: boolean; message: string }> {
  const parsed = parseTeamKey(key, ctx.host.name);
  const file = chooseConfigFile(ctx, 'edit');
  const layer = findConfigLayers(ctx.host.name, ctx.host.cwd, ctx.host.dirs.config).find(
    (l) => l.path === file,
  );
  let removed = false;
  if (layer?.exists === true) {
    if (parsed.kind === 'default') {
      removed = layer.data.defaults?.[parsed.type] !== undefined;
      if (removed) setConfigValue(file, ['defaults', parsed.type], undefined);
    } else if (parsed.kind === 'type') {
      removed = profileAt(layer, parsed.profile)?.type !== undefined;
      if (removed) setConfigValue(file, profileJsonPath(parsed.profile, 'type'), undefined);
    } else {
      const profile = profileAt(layer, parsed.profile);
      const secure = profile?.secure ?? [];
      if (profile?.properties !== undefined && Object.hasOwn(profile.properties, parsed.property)) {
        setConfigValue(file, profileJsonPath(parsed.profile, 'properties', parsed.property), undefined);
        removed = true;
      }
      if (secure.includes(parsed.property)) {
        const rest = secure.filter((name) => name !== parsed.property);
        setConfigValue(file, profileJsonPath(parsed.profile, 'secure'), rest);
        await env.credentials().delete(secureAccount(file, parsed.profile, parsed.property));
        removed = true;
      }
    }
  }
  const message = removed ? `Removed ${key} from ${file}` : `${key} was not set in ${file}`;
  return { key, file, removed, message };
}
