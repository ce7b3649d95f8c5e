import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The names of the plugins recorded in a plugins folder's `plugins.json`, sorted; empty when the
 * file is missing or unreadable. One JSON read and nothing else loaded: what TAB completion uses.
 */
export function recordedPluginNames(pluginsDir: string): string[] {
  try {
    const file = JSON.parse(readFileSync(join(pluginsDir, 'plugins.json'), 'utf8')) as { plugins?: unknown };
    const plugins = file.plugins;
    return typeof plugins === 'object' && plugins !== null && !Array.isArray(plugins)
      ? Object.keys(plugins).sort()
      : [];
  } catch {
    return [];
  }
}
