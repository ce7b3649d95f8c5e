import type { CommandNode, CommandSource, HostInfo } from '@edict/core';
import { readPluginIndex } from '../index-file/readPluginIndex';
import type { PluginIndexEntry } from '../types';
import { lazyTopNodes } from './lazyNodes';
import { loadPluginModule } from './loadPluginModule';
import { pluginHostOf, pluginsDirOf } from './pluginHost';

/** Options of {@link installedPlugins}. */
export interface InstalledPluginsOptions {
  /** Packages injected into plugins besides `@edict/*` and the host package (a host SDK, say). */
  inject?: readonly string[];
}

function withLazyHandlers(node: CommandNode, load: (file: string) => () => Promise<unknown>): CommandNode {
  if (node.kind === 'group')
    return { ...node, children: node.children.map((c) => withLazyHandlers(c, load)) };
  return typeof node.handler === 'string' ? { ...node, handler: load(node.handler) } : node;
}

function commandsOf(host: HostInfo, entry: PluginIndexEntry, inject: readonly string[]): CommandNode[] {
  const load = (file: string) => async (): Promise<unknown> => {
    if (entry.hooks.init) {
      // Required here: most plugins declare no init hook.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      await (require('./runInitHook') as typeof import('./runInitHook')).runInitHook(host, entry, inject);
    }
    return loadPluginModule(host, entry, file, inject);
  };
  // Assigned, not spread: spreading would read the lazy nodes' deferred fields and parse the definitions.
  return lazyTopNodes(entry, (node) => withLazyHandlers(node, load)).map((node) =>
    Object.assign(node, { origin: entry.name }),
  );
}

/**
 * The command source of installed and linked plugins. At startup it reads the combined command
 * index (one JSON file); no plugin code runs until one of its commands is invoked, and then only
 * that plugin's `init` hook and that command's handler are loaded, with the module loader on.
 */
export function installedPlugins(options: InstalledPluginsOptions = {}): CommandSource {
  const inject = options.inject ?? [];
  return {
    name: 'plugins',
    load(host: HostInfo) {
      const index = readPluginIndex(pluginsDirOf(host), pluginHostOf(host));
      const commands = index.plugins.flatMap((entry) => commandsOf(host, entry, inject));
      return { commands, warnings: index.warnings };
    },
  };
}
