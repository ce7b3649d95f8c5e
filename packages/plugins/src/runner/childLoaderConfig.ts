import { isEsmFile } from '@edict/core';
import { injectedNames } from '../injected';
import type { PluginHost } from '../types';

/** How the child process sets up the module loader for one plugin. */
export interface ChildLoaderConfig {
  /** Absolute path of `@edict/module-loader`'s entry, resolved by the parent. */
  modulePath: string;
  hostRoot: string;
  injected: string[];
  pluginRoots: string[];
  envPrefix?: string;
  /** Whether the file is ESM, so the child must register the ESM hooks (which costs ~50 ms on Node 20). */
  esm: boolean;
}

/**
 * The module-loader setup for running a plugin's code (definitions, install hooks) in a child
 * process, so it sees the host's packages exactly as its command handlers will. Undefined when
 * the host did not say where its package is.
 */
export function childLoaderConfig(
  host: PluginHost,
  pluginRoot: string,
  file: string,
): ChildLoaderConfig | undefined {
  if (!host.packageRoot) return undefined;
  return {
    modulePath: require.resolve('@edict/module-loader'),
    hostRoot: host.packageRoot,
    injected: injectedNames(host),
    pluginRoots: [pluginRoot],
    ...(host.envPrefix ? { envPrefix: host.envPrefix } : {}),
    esm: isEsmFile(file),
  };
}
