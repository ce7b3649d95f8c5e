import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
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

/** Whether Node loads `file` of the plugin in `pluginRoot` as ESM. */
function isEsmFile(pluginRoot: string, file: string): boolean {
  const ext = extname(file);
  if (ext === '.mjs' || ext === '.cjs' || ext === '.json') return ext === '.mjs';
  try {
    return (JSON.parse(readFileSync(join(pluginRoot, 'package.json'), 'utf8')) as { type?: unknown }).type === 'module';
  } catch {
    return false;
  }
}

/**
 * The module-loader setup for running a plugin's code (definitions, install hooks) in a child
 * process, so it sees the host's packages exactly as its command handlers will. Undefined when
 * the host did not say where its package is.
 */
export function childLoaderConfig(host: PluginHost, pluginRoot: string, file: string): ChildLoaderConfig | undefined {
  if (!host.packageRoot) return undefined;
  return {
    modulePath: require.resolve('@edict/module-loader'),
    hostRoot: host.packageRoot,
    injected: injectedNames(host),
    pluginRoots: [pluginRoot],
    ...(host.envPrefix ? { envPrefix: host.envPrefix } : {}),
    esm: isEsmFile(pluginRoot, file),
  };
}
