import type { CommandContext } from '../../api/context';
import { usageError } from '../../errors/EdictError';
import { checkPropertyValue } from '../../profiles/checkPropertyValue';
import type { ConfigLayer } from '../../profiles/configTypes';
import { findConfigLayers } from '../../profiles/findConfigLayers';
import { listProfiles, profileAt, profileJsonPath } from '../../profiles/profilePaths';
import { secureAccount } from '../../profiles/secureAccount';
import { setConfigValue } from '../../profiles/setConfigValue';
import { missingConfigValue } from './configValue';
import { askSecure } from './askSecure';
import { chooseConfigFile } from './chooseLayer';
import { propertyDefinition, readPropertyText } from './propertyText';
import { encodeSecure } from '../../profiles/secureValue';
import { isSecureProperty } from './secureProperty';
import type { TeamConfigEnv } from './teamConfigEnv';
import { parseTeamKey } from './teamKey';

/** What `config set` of a team key reports. */
export interface TeamSetResult {
  key: string;
  file: string;
  secure: boolean;
  /** The value written (absent for a secure one). */
  value?: unknown;
  message: string;
}

function layerOf(layers: readonly ConfigLayer[], file: string): ConfigLayer | undefined {
  return layers.find((l) => l.path === file);
}

/**
 * `config set` of `profiles.…` and `defaults.…` keys: checks the value against the property's
 * type, then edits the chosen file keeping its comments. A secure property (declared so, listed
 * in `secure`, or `--secure`) goes to the credential manager, asked for with masked input when
 * no value is given; only its name goes into the file's `secure` array.
 */
export async function setTeamValue(
  ctx: CommandContext,
  env: TeamConfigEnv,
  key: string,
  text: string | undefined,
): Promise<TeamSetResult> {
  const cli = ctx.host.name;
  const parsed = parseTeamKey(key, cli);
  const file = chooseConfigFile(ctx, 'edit');
  // Reading every layer first refuses a corrupt file before anything is stored.
  const layers = findConfigLayers(cli, ctx.host.cwd, ctx.host.dirs.config);
  if (parsed.kind !== 'property' || ctx.args.secure !== true) {
    if (text === undefined) throw missingConfigValue(cli, key);
  }
  if (parsed.kind === 'default') {
    const ofType = listProfiles(layers).filter((p) => p.type === parsed.type);
    if (text !== undefined && !ofType.some((p) => p.name === text))
      ctx.out.warn(`No ${parsed.type} profile named "${text}" is in the config files yet.`);
    setConfigValue(file, ['defaults', parsed.type], text);
    return { key, file, secure: false, value: text, message: `Set ${key} = ${text ?? ''} in ${file}` };
  }
  if (parsed.kind === 'type') {
    const known = env.profileTypes().map((t) => t.type);
    if (text !== undefined && !known.includes(text))
      throw usageError('EDICT_INVALID_CHOICE', `Unknown profile type "${text}" for ${key}.`, {
        hint: `${cli} config profiles  (lists the profile types: ${known.join(', ') || 'none'})`,
        details: { key, value: text, accepted: known },
      });
    setConfigValue(file, profileJsonPath(parsed.profile, 'type'), text);
    return { key, file, secure: false, value: text, message: `Set ${key} = ${text ?? ''} in ${file}` };
  }
  const { profile, property } = parsed;
  const typeName = listProfiles(layers).find((p) => p.name === profile)?.type;
  const type = env.profileTypes().find((t) => t.type === typeName);
  const definition = propertyDefinition(type, { file, profile, property, cli });
  const here = layerOf(layers, file);
  const listed = here === undefined ? undefined : profileAt(here, profile)?.secure;
  const secure = isSecureProperty(definition, listed, property, ctx.args.secure === true);
  if (!secure) {
    const value = readPropertyText(definition, text as string);
    if (definition !== undefined) checkPropertyValue(definition, value, { file, profile, property });
    setConfigValue(file, profileJsonPath(profile, 'properties', property), value);
    if (typeName === undefined)
      ctx.out.warn(
        `Profile "${profile}" has no type; give it one: ${cli} config set profiles.${profile}.type <type>`,
      );
    const message = `Set ${key} = ${JSON.stringify(value)} in ${file}`;
    return { key, file, secure: false, value, message };
  }
  const layer = { global: ctx.args.global === true, user: ctx.args.user === true };
  const question = `${profile} ${property} (secure, not echoed):`;
  const typed = text ?? (await askSecure(ctx, profile, property, question, layer));
  const value = readPropertyText(definition, typed);
  if (definition !== undefined) checkPropertyValue(definition, value, { file, profile, property });
  const credentials = env.credentials();
  const account = secureAccount(file, profile, property);
  await credentials.save(account, encodeSecure(value));
  try {
    const plain = here === undefined ? undefined : profileAt(here, profile)?.properties;
    if (plain !== undefined && Object.hasOwn(plain, property))
      setConfigValue(file, profileJsonPath(profile, 'properties', property), undefined);
    if (!(listed ?? []).includes(property))
      setConfigValue(file, profileJsonPath(profile, 'secure'), [...(listed ?? []), property]);
  } catch (err) {
    await credentials.delete(account);
    throw err;
  }
  const message = `Stored ${key} in ${credentials.name} (secure; listed in ${file})`;
  return { key, file, secure: true, message };
}
