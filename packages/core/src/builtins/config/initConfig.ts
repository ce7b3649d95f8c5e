import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { CommandContext } from '../../api/context';
import { EdictError } from '../../errors/EdictError';
import { writeFileAtomic } from '../../fs/writeFileAtomic';
import { writeConfigSchema } from '../../profiles/schema';
import { secureAccount } from '../../profiles/secureAccount';
import { askProperties } from './askProperties';
import { chooseConfigFile } from './chooseLayer';
import { configSkeleton } from './skeleton';
import { encodeSecure } from '../../profiles/secureValue';
import type { TeamConfigEnv } from './teamConfigEnv';

/** What `config init` reports. */
export interface InitResult {
  file: string;
  schema: string;
  profiles: string[];
  /** The secure values stored in the credential manager, as `<profile>.<property>`. */
  stored: string[];
  message: string;
}

/**
 * `config init`: writes a config file with one profile per known type, and the schema beside
 * it. On a terminal each property is asked for (secure ones masked and stored in the credential
 * manager); without one the skeleton is written as it is. An existing file is left alone.
 */
export async function initConfig(ctx: CommandContext, env: TeamConfigEnv): Promise<InitResult> {
  const cli = ctx.host.name;
  const file = chooseConfigFile(ctx, 'init');
  if (existsSync(file) && ctx.args.overwrite !== true)
    throw new EdictError('EDICT_CONFIG_EXISTS', `${file} exists already; config init leaves it as it is.`, {
      hint: `${cli} config set profiles.<profile>.properties.<property> <value>  (or add --overwrite)`,
      details: { path: file },
    });
  const types = env.profileTypes();
  const user = basename(file).endsWith('.user.json');
  const data = configSkeleton(cli, types, user);
  const secure: [string, string, unknown][] = [];
  if (ctx.prompt.interactive)
    for (const type of types) {
      const profile = data.profiles?.[type.type];
      if (profile === undefined) continue;
      const answers = await askProperties(ctx, file, type.type, type);
      profile.properties = { ...profile.properties, ...answers.plain };
      for (const [property, value] of Object.entries(answers.secure)) {
        secure.push([type.type, property, value]);
        if (!(profile.secure ?? []).includes(property))
          profile.secure = [...(profile.secure ?? []), property];
      }
    }
  const stored: string[] = [];
  for (const [profile, property, value] of secure) {
    await env.credentials().save(secureAccount(file, profile, property), encodeSecure(value));
    stored.push(`${profile}.${property}`);
  }
  writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`);
  const schema = writeConfigSchema(dirname(file), cli, types);
  const profiles = Object.keys(data.profiles ?? {});
  const what =
    profiles.length > 0 ? `profiles ${profiles.join(', ')}` : 'no profiles (no profile types are known)';
  return { file, schema, profiles, stored, message: `Wrote ${file} (${what}) and ${schema}` };
}
