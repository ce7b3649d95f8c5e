import type { HostInfo } from '@edict/core';
import type { ModuleLoader } from '@edict/module-loader';
import { injectedNames } from '../injected';
import { installedRoot } from '../store/paths';
import type { PluginIndexEntry } from '../types';
import { pluginsDirOf } from './pluginHost';

let loader: ModuleLoader | undefined;

/**
 * Packages handed to plugins from the host: every framework package and the host itself,
 * plus any the host adds (its SDK, say). One the host does not have resolves from the plugin.
 */
export function injectedPackages(host: HostInfo, extra: readonly string[] = []): string[] {
  return injectedNames({ packageName: host.packageName, inject: extra });
}

/**
 * The module loader of this process, started on first use: only a run that executes a plugin's
 * code pays for it. Linked plugins' folders are added as they are loaded.
 */
export function moduleLoaderFor(
  host: HostInfo,
  entry: PluginIndexEntry,
  extra: readonly string[],
): ModuleLoader {
  if (!loader) {
    // Required here, not at the top: the loader is only needed when a plugin actually runs.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { enableModuleLoader } = require('@edict/module-loader') as typeof import('@edict/module-loader');
    loader = enableModuleLoader({
      hostRoot: host.packageRoot ?? host.cwd,
      injected: injectedPackages(host, extra),
      pluginRoots: [installedRoot(pluginsDirOf(host))],
      envPrefix: host.envPrefix,
      env: host.env,
    });
  }
  if (entry.linked) loader.addPluginRoot(entry.root);
  return loader;
}
