/** The seed's two listings, in the paths of one fixture tree. */
import { join } from 'node:path';
import type { Fixture } from './fixture-tree';

export const hostCore = (f: Fixture): string =>
  join(f.hostRoot, 'node_modules', '@edict', 'core', 'lib', 'index.js');
export const pluginCore = (f: Fixture): string =>
  join(f.pluginRoot, 'node_modules', '@edict', 'core', 'lib', 'index.js');
export const pluginFile = (f: Fixture, ...parts: string[]): string =>
  join(f.pluginRoot, 'node_modules', ...parts);

/** "Module Loader Enabled": framework and host from the host, test-pkg from the plugin. */
export function enabledListing(f: Fixture): string[] {
  return [
    hostCore(f),
    join(f.hostRoot, 'node_modules', '@edict', 'core', 'lib', 'error', 'index.js'),
    join(f.hostRoot, 'lib', 'index.js'),
    join(f.hostRoot, 'lib', 'index.js'),
    pluginFile(f, 'test-pkg', 'index.js'),
  ];
}

/** "Module Loader Disabled": everything from the plugin's own node_modules. */
export function disabledListing(f: Fixture): string[] {
  return [
    pluginCore(f),
    pluginFile(f, '@edict', 'core', 'lib', 'error', 'index.js'),
    pluginFile(f, 'some-host-cli', 'lib', 'index.js'),
    pluginFile(f, 'some-host-cli', 'lib', 'index.js'),
    pluginFile(f, 'test-pkg', 'index.js'),
  ];
}
