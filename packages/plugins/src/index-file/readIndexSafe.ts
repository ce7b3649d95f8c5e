import type { PluginHost, PluginIndex } from '../types';
import { readPluginIndex } from './readPluginIndex';

/** The current index, or an empty one when it cannot be read or rebuilt. */
export function readIndexSafe(pluginsDir: string, host: PluginHost): PluginIndex {
  try {
    return readPluginIndex(pluginsDir, host);
  } catch {
    return { version: 2, hostName: host.name, hostVersion: host.version, recordStamp: 'none', plugins: [], warnings: [] };
  }
}
