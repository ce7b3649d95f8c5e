import type { CompletionRequest } from '@edict/core';
import { pluginsDirOf } from '../runtime/pluginHost';
import { recordedPluginNames } from '../store/recordedNames';

/**
 * The completer of plugin-name arguments (`plugins uninstall|update|info`): the
 * installed and linked plugins in `plugins.json`, less those already on the line.
 */
export function complete(request: CompletionRequest): string[] {
  const typed = new Set(request.words.slice(0, -1));
  return recordedPluginNames(pluginsDirOf(request.host)).filter((name) => !typed.has(name));
}
