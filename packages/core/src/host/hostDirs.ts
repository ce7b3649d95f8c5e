import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { HostDirs } from '../api/host';

/** What {@link hostDirs} decides from. */
export interface HostDirsInput {
  /** The CLI's name (`mycli`): the folder name under each base directory. */
  name: string;
  /** One folder for everything, when given (`<PREFIX>_HOME` or the `home` option). */
  home?: string;
  env: Record<string, string | undefined>;
  cwd: string;
  platform?: NodeJS.Platform;
}

/** An XDG variable counts only when it is an absolute path (the XDG Base Directory spec). */
function xdg(env: Record<string, string | undefined>, key: string, fallback: string): string {
  const value = env[key];
  return value && isAbsolute(value) ? value : fallback;
}

/** The platform's folders for a CLI named `name`, with no override and no legacy folder. */
function platformDirs(
  name: string,
  env: Record<string, string | undefined>,
  user: string,
  platform: NodeJS.Platform,
): HostDirs {
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA || join(user, 'AppData', 'Local');
    const roaming = env.APPDATA || join(user, 'AppData', 'Roaming');
    return {
      data: join(local, name, 'Data'),
      config: join(roaming, name, 'Config'),
      cache: join(local, name, 'Cache'),
    };
  }
  if (platform === 'darwin') {
    const library = join(user, 'Library');
    return {
      data: join(library, 'Application Support', name),
      config: join(library, 'Preferences', name),
      cache: join(library, 'Caches', name),
    };
  }
  return {
    data: join(xdg(env, 'XDG_DATA_HOME', join(user, '.local', 'share')), name),
    config: join(xdg(env, 'XDG_CONFIG_HOME', join(user, '.config')), name),
    cache: join(xdg(env, 'XDG_CACHE_HOME', join(user, '.cache')), name),
  };
}

/**
 * Where a CLI keeps its data (the plugins folder), config (config.json) and cache, in this order:
 * 1. `home` given (`<PREFIX>_HOME`): everything in that one folder, the cache in `<home>/cache`;
 * 2. the folder `~/.<name>` of earlier versions, used as it is while neither the data nor the
 *    config folder of rule 3 exists (nothing is moved); the cache goes by rule 3;
 * 3. the platform's base directories: on Linux and other Unixes the XDG ones
 *    (`$XDG_DATA_HOME`, `$XDG_CONFIG_HOME`, `$XDG_CACHE_HOME` when absolute, else
 *    `~/.local/share`, `~/.config`, `~/.cache`), then `<name>`; on macOS
 *    `~/Library/Application Support/<name>`, `~/Library/Preferences/<name>`,
 *    `~/Library/Caches/<name>`; on Windows `%LOCALAPPDATA%\<name>\Data`,
 *    `%APPDATA%\<name>\Config`, `%LOCALAPPDATA%\<name>\Cache` (env-paths' conventions).
 * Costs at most three `stat` calls; creates nothing.
 */
export function hostDirs(input: HostDirsInput): HostDirs {
  const { name, env, cwd } = input;
  if (input.home) {
    const home = isAbsolute(input.home) ? input.home : resolve(cwd, input.home);
    return { data: home, config: home, cache: join(home, 'cache') };
  }
  const user = env.HOME || homedir();
  const dirs = platformDirs(name, env, user, input.platform ?? process.platform);
  if (existsSync(dirs.data) || existsSync(dirs.config)) return dirs;
  const legacy = join(user, `.${name}`);
  return existsSync(legacy) ? { data: legacy, config: legacy, cache: dirs.cache } : dirs;
}
