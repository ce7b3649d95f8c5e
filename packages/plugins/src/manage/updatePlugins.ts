import { pluginError, PluginErrorCodes } from '../errors';
import { installItems, resolveManifest, type InstallItem } from '../install/pipeline';
import { parseSpec } from '../npm/spec';
import { readRecordsForChange } from '../store/recover';
import { sweepLeftovers } from '../store/sweep';
import { runOperation } from './operation';
import type { EngineOptions } from '../types';
import type { InstallOptions } from './installPlugins';

export interface UpdateOptions extends EngineOptions, Pick<InstallOptions, 'force' | 'allowScripts'> {
  /** Plugins to update; default all registry plugins. */
  names?: readonly string[];
}

export interface PluginUpdate {
  name: string;
  from: string;
  to: string;
  /** Why nothing was done, when `from === to` for a reason other than "already newest". */
  note?: string;
}

/**
 * Moves each registry plugin to the newest version its recorded range or tag allows
 * (`x@^1` stays on 1.x). Plugins from folders, tarballs, URLs and links are left as they are.
 */
export async function updatePlugins(options: UpdateOptions): Promise<PluginUpdate[]> {
  const { host, pluginsDir } = options;
  return runOperation(options, 'update', async () => {
    const { records } = readRecordsForChange(pluginsDir, host);
    // An update with nothing to do still leaves the folder clean, as every operation does.
    sweepLeftovers(pluginsDir, records);
    const names =
      options.names && options.names.length > 0 ? [...options.names] : Object.keys(records.plugins).sort();
    const pipeline = { ...options, force: options.force ?? false, scripts: options.allowScripts ?? false };
    const updates: PluginUpdate[] = [];
    const items: InstallItem[] = [];
    for (const name of names) {
      const record = records.plugins[name];
      if (!record) {
        throw pluginError(PluginErrorCodes.NOT_FOUND, `No plugin named ${name} is installed.`, {
          hint: `${host.name} plugins list`,
          details: { name },
        });
      }
      if (record.source !== 'registry') {
        updates.push({
          name,
          from: record.version,
          to: record.version,
          note: `installed from a ${record.source}; reinstall it to update`,
        });
        continue;
      }
      const range = record.range ?? 'latest';
      const packuments = new Map<string, unknown>();
      const manifest = await resolveManifest(
        parseSpec(`${name}@${range}`, process.cwd(), host.name),
        pipeline,
        packuments,
      );
      updates.push({ name, from: record.version, to: manifest.version });
      if (manifest.version !== record.version) {
        items.push({
          fetch: parseSpec(`${name}@${manifest.version}`, process.cwd(), host.name),
          recordSpec: record.spec,
          range,
          packuments,
        });
      }
    }
    if (items.length > 0) await installItems(items, pipeline);
    return updates;
  });
}
