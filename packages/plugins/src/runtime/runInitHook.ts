import type { HostInfo } from '@edict/core';
import { pluginError } from '../errors';
import type { PluginIndexEntry } from '../types';
import { loadPluginModule } from './loadPluginModule';

const initialised = new Set<string>();

/** What a plugin's `init` hook receives. */
export interface InitHookContext {
  plugin: { name: string; version: string; root: string };
  host: { name: string; version: string; home: string };
}

/**
 * Runs a plugin's `init` hook once per process, in-process and with the module loader on, before
 * the first of its handlers. A throwing hook fails that command only.
 */
export async function runInitHook(
  host: HostInfo,
  entry: PluginIndexEntry,
  inject: readonly string[],
): Promise<void> {
  const file = entry.hooks.init;
  if (!file || initialised.has(entry.name)) return;
  initialised.add(entry.name);
  const mod = (await loadPluginModule(host, entry, file, inject)) as
    | Record<string, unknown>
    | ((ctx: InitHookContext) => unknown);
  const fn = typeof mod === 'function' ? mod : (mod.init ?? mod.default);
  if (typeof fn !== 'function') return;
  const ctx: InitHookContext = {
    plugin: { name: entry.name, version: entry.version, root: entry.root },
    host: { name: host.name, version: host.version, home: host.home },
  };
  try {
    await (fn as (c: InitHookContext) => unknown)(ctx);
  } catch (err) {
    throw pluginError(
      'EDICT_PLUGIN_HOOK_FAILED',
      `The init hook of ${entry.name}@${entry.version} failed: ${(err as Error).message}`,
      {
        hint: `${host.name} plugins validate ${entry.name}`,
        details: { plugin: entry.name, hook: 'init', file },
        cause: err,
      },
    );
  }
}
