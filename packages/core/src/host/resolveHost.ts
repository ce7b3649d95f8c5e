import type { CliOptions } from '../api/cli';
import type { HostInfo } from '../api/host';
import type { CliIO } from '../api/io';
import { hostDirs } from './hostDirs';
import { envPrefixFor } from './names';

/** Resolves the host facts of one run (folders from `<PREFIX>_HOME`, else see {@link hostDirs}). */
export function resolveHost(options: CliOptions, io: CliIO, builtinNames: string[]): HostInfo {
  const envPrefix = options.envPrefix ?? envPrefixFor(options.name);
  const home = options.home ?? (io.env[`${envPrefix}_HOME`] || undefined);
  const dirs = hostDirs({ name: options.name, env: io.env, cwd: io.cwd, ...(home ? { home } : {}) });
  return {
    name: options.name,
    version: options.version,
    packageName: options.packageName ?? options.name,
    ...(options.packageRoot === undefined ? {} : { packageRoot: options.packageRoot }),
    home: dirs.data,
    dirs,
    envPrefix,
    env: io.env,
    cwd: io.cwd,
    builtinNames,
    ...(options.profileTypes ? { profileTypes: options.profileTypes } : {}),
  };
}
