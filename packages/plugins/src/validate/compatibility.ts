import { pluginError, PluginErrorCodes } from '../errors';
import { loadSemver } from '../heavy';
import { injectedNames } from '../injected';
import type { PluginHost } from '../types';
import type { PluginPackageJson } from './pluginManifest';

export const FRAMEWORK_PACKAGE = '@edict/core';

/** Packages the host provides to plugins at run time (never installed into a plugin's tree). */
export function isInjectedPackage(name: string, host: PluginHost): boolean {
  return injectedNames(host).includes(name);
}

/** Packages that can never be plugins: the whole framework scope and the host itself. */
function isFrameworkOrHost(name: string, host: PluginHost): boolean {
  return name.startsWith('@edict/') || name === host.packageName || name === host.name;
}

/** One way a plugin does not fit this host. */
export interface Incompatibility {
  what: string;
  wanted: string;
  got: string;
}

/** Checks the plugin's peer ranges on the host and the framework, and `engines.node`. */
export function findIncompatibilities(pkg: PluginPackageJson, host: PluginHost): Incompatibility[] {
  const semver = loadSemver();
  const found: Incompatibility[] = [];
  const check = (what: string, range: string | undefined, got: string): void => {
    if (range === undefined) return;
    if (!semver.validRange(range) || !semver.satisfies(got, range, { includePrerelease: true }))
      found.push({ what, wanted: range, got });
  };
  check(host.packageName, pkg.peerDependencies?.[host.packageName], host.version);
  check(FRAMEWORK_PACKAGE, pkg.peerDependencies?.[FRAMEWORK_PACKAGE], host.frameworkVersion);
  check('node', pkg.engines?.node, process.versions.node);
  return found;
}

/** Human text for a list of incompatibilities. */
export function describeIncompatibilities(list: Incompatibility[]): string {
  return list.map((i) => `${i.what} ${i.wanted} is required but this is ${i.what} ${i.got}`).join('; ');
}

/**
 * Refuses what must not be installed as a plugin, from the manifest alone (before any download):
 * the host or a framework package, a package without an `edict` field, and (unless `force`)
 * a plugin whose peer ranges or engines exclude this host, framework or Node.
 */
export function assertInstallable(
  pkg: PluginPackageJson & { name: string; version: string },
  host: PluginHost,
  force: boolean,
): void {
  const id = `${pkg.name}@${pkg.version}`;
  if (isFrameworkOrHost(pkg.name, host)) {
    throw pluginError(
      PluginErrorCodes.REFUSED,
      `${pkg.name} is ` +
        (pkg.name.startsWith('@edict/') ? 'part of the Edict framework' : `the ${host.name} CLI itself`) +
        ', not a plugin.',
      {
        hint: `${host.name} plugins search`,
        details: { name: pkg.name },
      },
    );
  }
  if (pkg.edict === undefined) {
    throw pluginError(
      PluginErrorCodes.NOT_A_PLUGIN,
      `${id} is not a ${host.name} plugin: its package.json has no "edict" field.`,
      {
        hint: `${host.name} plugins search`,
        details: { name: pkg.name, version: pkg.version },
      },
    );
  }
  const problems = findIncompatibilities(pkg, host);
  if (problems.length > 0 && !force) {
    throw pluginError(
      PluginErrorCodes.INCOMPATIBLE,
      `${id} does not support this ${host.name}: ${describeIncompatibilities(problems)}.`,
      {
        hint: `${host.name} plugins install ${pkg.name} --force   (install anyway)`,
        details: { name: pkg.name, version: pkg.version, problems },
      },
    );
  }
}
