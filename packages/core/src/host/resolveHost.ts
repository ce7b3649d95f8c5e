import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { CliOptions } from '../api/cli';
import type { HostInfo } from '../api/host';
import type { CliIO } from '../api/io';
import { envPrefixFor } from './names';

/** Resolves the host facts of one run (home folder from `<PREFIX>_HOME`, else `~/.<name>`). */
export function resolveHost(options: CliOptions, io: CliIO, builtinNames: string[]): HostInfo {
  const envPrefix = options.envPrefix ?? envPrefixFor(options.name);
  const fromEnv = io.env[`${envPrefix}_HOME`];
  let home = options.home ?? (fromEnv ? fromEnv : join(io.env.HOME || homedir(), `.${options.name}`));
  if (!isAbsolute(home)) home = resolve(io.cwd, home);
  return {
    name: options.name,
    version: options.version,
    packageName: options.packageName ?? options.name,
    ...(options.packageRoot === undefined ? {} : { packageRoot: options.packageRoot }),
    home,
    envPrefix,
    env: io.env,
    cwd: io.cwd,
    builtinNames,
  };
}
