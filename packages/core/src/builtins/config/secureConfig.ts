import type { CommandContext } from '../../api/context';
import type { ConfigLayer } from '../../profiles/configTypes';
import { findConfigLayers } from '../../profiles/findConfigLayers';
import { listProfiles, profileAt, profileJsonPath } from '../../profiles/profilePaths';
import { secureAccount } from '../../profiles/secureAccount';
import { setConfigValue } from '../../profiles/setConfigValue';
import { askSecure } from './askSecure';
import { chooseConfigFile } from './chooseLayer';
import { readPropertyText } from './propertyText';
import { encodeSecure } from '../../profiles/secureValue';
import type { TeamConfigEnv } from './teamConfigEnv';

/** The layers `config secure` works on: the one `--global`/`--user` names, else every existing one. */
function chosenLayers(ctx: CommandContext, layers: readonly ConfigLayer[]): ConfigLayer[] {
  if (ctx.args.global !== true && ctx.args.user !== true) return layers.filter((l) => l.exists);
  const file = chooseConfigFile(ctx, 'edit');
  return layers.filter((l) => l.path === file && l.exists);
}

/**
 * `config secure`: for every profile of the chosen files, asks (masked) for each secure
 * property (listed in its `secure` array, or declared secure by its type) that the credential
 * manager holds no value for, and stores the answers; an empty answer skips one.
 */
export async function secureConfig(
  ctx: CommandContext,
  env: TeamConfigEnv,
): Promise<{ stored: { file: string; profile: string; property: string }[]; message: string }> {
  const layers = findConfigLayers(ctx.host.name, ctx.host.cwd, ctx.host.dirs.config);
  const types = env.profileTypes();
  const typeOf = new Map(listProfiles(layers).map((p) => [p.name, p.type]));
  const stored: { file: string; profile: string; property: string }[] = [];
  for (const layer of chosenLayers(ctx, layers)) {
    for (const { name } of listProfiles([layer])) {
      const profile = profileAt(layer, name);
      const type = types.find((t) => t.type === typeOf.get(name));
      const listed = profile?.secure ?? [];
      const declared = Object.entries(type?.properties ?? {})
        .filter(([, p]) => p.secure)
        .map(([property]) => property);
      for (const property of [...new Set([...listed, ...declared])]) {
        const account = secureAccount(layer.path, name, property);
        const credentials = env.credentials();
        if ((await credentials.load(account)) !== undefined) continue;
        const question = `${name} ${property} (${layer.path}), empty to skip:`;
        const where = { global: layer.scope === 'global', user: layer.user };
        const text = await askSecure(ctx, name, property, question, where);
        if (text === '') continue;
        await credentials.save(account, encodeSecure(readPropertyText(type?.properties[property], text)));
        if (!listed.includes(property)) {
          listed.push(property);
          setConfigValue(layer.path, profileJsonPath(name, 'secure'), [...listed]);
        }
        stored.push({ file: layer.path, profile: name, property });
      }
    }
  }
  const message =
    stored.length === 0
      ? 'No secure value was missing.'
      : `Stored ${stored.map((s) => `${s.profile}.${s.property}`).join(', ')} in ${env.credentials().name}`;
  return { stored, message };
}
