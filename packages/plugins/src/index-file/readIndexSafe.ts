import type { PluginHost, PluginIndex } from '../types';
import { readPluginIndex } from './readPluginIndex';
import { INDEX_VERSION } from './indexFormat';

/** The current index, or an empty one when it cannot be read or rebuilt. */
export function readIndexSafe(pluginsDir: string, host: PluginHost): PluginIndex {
  try {
    return readPluginIndex(pluginsDir, host);
  } catch {
    return {
      version: INDEX_VERSION,
      hostName: host.name,
      hostVersion: host.version,
      recordStamp: 'none',
      plugins: [],
      warnings: [],
    };
  }
}
