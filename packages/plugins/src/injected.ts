import type { PluginHost } from './types';

/**
 * The framework's packages, by exact name: a scope pattern would also capture look-alikes such
 * as `@edict/core-extra`, which are ordinary dependencies of a plugin.
 */
export const FRAMEWORK_PACKAGES: readonly string[] = [
  '@edict/core',
  '@edict/plugins',
  '@edict/module-loader',
  '@edict/testing',
];

/** Packages the host hands to plugins at run time: the framework, the host, and any it adds. */
export function injectedNames(host: Pick<PluginHost, 'packageName' | 'inject'>): string[] {
  return [...FRAMEWORK_PACKAGES, host.packageName, ...(host.inject ?? [])];
}
