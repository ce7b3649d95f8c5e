import { join, resolve } from 'node:path';
import type { CommandContext } from '../../api/context';
import { configFileNames, findProjectFolder } from '../../profiles/findConfigLayers';

/**
 * The config file a command writes to: with `--global` the one in the config folder; else for
 * `config init` the one in the working folder, and for the other commands the project one (the
 * folder found walking up from the working folder), else the global one. `--user` picks that
 * scope's `.user.json`.
 */
export function chooseConfigFile(ctx: CommandContext, command: 'init' | 'edit'): string {
  const { shared, user } = configFileNames(ctx.host.name);
  let folder: string;
  if (ctx.args.global === true) folder = ctx.host.dirs.config;
  else if (command === 'init') folder = ctx.host.cwd;
  else folder = findProjectFolder(ctx.host.name, ctx.host.cwd) ?? ctx.host.dirs.config;
  return join(resolve(folder), ctx.args.user === true ? user : shared);
}
