import { join, resolve } from 'node:path';
import type { CommandContext } from '../../api/context';
import { configFileNames, findProjectFolder } from '../../profiles/findConfigLayers';

/**
 * The config file a command writes to: with `--global` the one in the config folder, else the
 * project one (the folder found walking up from the cwd, else `fallback`: the cwd for
 * `config init`, the config folder for `config set`); `--user` picks that scope's `.user.json`.
 */
export function chooseConfigFile(ctx: CommandContext, fallback: 'cwd' | 'global'): string {
  const { shared, user } = configFileNames(ctx.host.name);
  const project = findProjectFolder(ctx.host.name, ctx.host.cwd);
  let folder: string;
  if (ctx.args.global === true) folder = ctx.host.dirs.config;
  else if (project !== undefined) folder = project;
  else folder = fallback === 'cwd' ? ctx.host.cwd : ctx.host.dirs.config;
  return join(resolve(folder), ctx.args.user === true ? user : shared);
}
