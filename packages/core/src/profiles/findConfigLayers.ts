import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ConfigLayer } from './configTypes';
import { readConfigFile } from './readConfigFile';

/** The config file names of a CLI: `mycli.config.json` and `mycli.config.user.json`. */
export function configFileNames(cliName: string): { shared: string; user: string } {
  return { shared: `${cliName}.config.json`, user: `${cliName}.config.user.json` };
}

/** The project folder: the first folder from `cwd` upwards holding either config file, else undefined. */
export function findProjectFolder(cliName: string, cwd: string): string | undefined {
  const { shared, user } = configFileNames(cliName);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, shared)) || existsSync(join(dir, user))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The config files of a run, highest precedence first: project user, project, global user,
 * global. The project files are in the folder {@link findProjectFolder} finds, else in `cwd`
 * (then they do not exist); the global ones in `configDir` (HostInfo's `dirs.config`). A project
 * folder that is the config folder itself counts once, as global. Throws EDICT_CONFIG_INVALID
 * for a file that does not parse or has the wrong shape.
 */
export function findConfigLayers(cliName: string, cwd: string, configDir: string): ConfigLayer[] {
  const { shared, user } = configFileNames(cliName);
  const project = findProjectFolder(cliName, cwd) ?? resolve(cwd);
  const global = resolve(configDir);
  const places: Omit<ConfigLayer, 'exists' | 'data'>[] = [
    ...(project === global
      ? []
      : [
          { path: join(project, user), scope: 'project' as const, user: true },
          { path: join(project, shared), scope: 'project' as const, user: false },
        ]),
    { path: join(global, user), scope: 'global', user: true },
    { path: join(global, shared), scope: 'global', user: false },
  ];
  return places.map((place) => {
    const data = readConfigFile(place.path);
    return { ...place, exists: data !== undefined, data: data ?? {} };
  });
}
