import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HostInfo } from '@edict/core';
import type { PluginHost } from '../types';

let frameworkVersion: string | undefined;

/** The version of `@edict/core` this process runs (the one the module loader hands to plugins). */
export function currentFrameworkVersion(): string {
  if (frameworkVersion === undefined) {
    const coreEntry = require.resolve('@edict/core');
    // lib/index.js → package root
    const pkg = JSON.parse(readFileSync(join(coreEntry, '..', '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    frameworkVersion = pkg.version;
  }
  return frameworkVersion;
}

/** What the plugin engine needs to know of the running host, from core's {@link HostInfo}. */
export function pluginHostOf(host: HostInfo): PluginHost {
  return {
    name: host.name,
    version: host.version,
    packageName: host.packageName,
    // A getter: reading a fresh index (every run) never needs it, only checks and rebuilds do.
    get frameworkVersion() {
      return currentFrameworkVersion();
    },
    builtinNames: host.builtinNames,
    ...(host.packageRoot ? { packageRoot: host.packageRoot } : {}),
    envPrefix: host.envPrefix,
    ...(host.profileTypes ? { profileTypes: host.profileTypes } : {}),
    configDir: host.dirs.config,
  };
}

/** The plugins folder: `<PREFIX>_PLUGINS_DIR`, else `plugins` in the data folder (`host.dirs.data`). */
export function pluginsDirOf(host: HostInfo): string {
  return host.env[`${host.envPrefix}_PLUGINS_DIR`] || join(host.dirs.data, 'plugins');
}
