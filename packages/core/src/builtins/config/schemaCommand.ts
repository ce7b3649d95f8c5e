import { dirname } from 'node:path';
import type { CommandContext } from '../../api/context';
import { findConfigLayers } from '../../profiles/findConfigLayers';
import { buildConfigSchema, writeConfigSchema } from '../../profiles/schema';
import { chooseConfigFile } from './chooseLayer';
import type { TeamConfigEnv } from './teamConfigEnv';

/**
 * `config schema`: prints the JSON schema of the config files; with `--write`, writes
 * `<cli>.schema.json` beside each existing config file (else where `config set` would write).
 */
export function schemaCommand(ctx: CommandContext, env: TeamConfigEnv): unknown {
  const types = env.profileTypes();
  if (ctx.args.write !== true) {
    const schema = buildConfigSchema(ctx.host.name, types);
    ctx.out.text(JSON.stringify(schema, null, 2));
    return schema;
  }
  const layers = findConfigLayers(ctx.host.name, ctx.host.cwd, ctx.host.dirs.config);
  const existing = layers.filter((l) => l.exists).map((l) => dirname(l.path));
  const folders = [...new Set(existing.length > 0 ? existing : [dirname(chooseConfigFile(ctx, 'edit'))])];
  const files = folders.map((folder) => writeConfigSchema(folder, ctx.host.name, types));
  return { files, message: `Wrote ${files.join(', ')}` };
}
