import { resolve } from 'node:path';
import { installItems, type InstalledPlugin, type InstallItem } from '../install/pipeline';
import type { PipelineOptions } from '../install/pipelineOptions';
import type { ScriptPolicy } from '../install/scripts';
import { parseSpec } from '../npm/spec';
import { readRecordFile } from '../store/record';
import { readRecordsForChange } from '../store/recover';
import { sweepLeftovers } from '../store/sweep';
import { runOperation } from './operation';
import type { EngineOptions, PluginRecord } from '../types';

export interface InstallOptions extends EngineOptions {
  /** What to install; empty (and no `file`) reinstalls every recorded plugin at its recorded version. */
  specs?: readonly string[];
  /** A `plugins.json` (e.g. from another machine) whose plugins to install at their recorded versions. */
  file?: string;
  /** Install even when peer ranges or engines exclude this host, framework or Node. */
  force?: boolean;
  /**
   * Install scripts of the plugin's tree: `true` runs all, a list runs those packages' only;
   * default none (npm's `allow-scripts` config, if set, is used as the list).
   */
  allowScripts?: ScriptPolicy;
  /** Base folder for relative folder/tarball specs (default `process.cwd()`). */
  cwd?: string;
}

export interface InstallResult {
  installed: InstalledPlugin[];
}

/** An install item that reproduces a record (its exact version, its spec and range kept). */
export function itemFromRecord(record: PluginRecord, hostName: string, cwd: string): InstallItem {
  const fetch =
    record.source === 'registry'
      ? parseSpec(`${record.name}@${record.version}`, cwd, hostName)
      : parseSpec(record.spec, cwd, hostName);
  return { fetch, recordSpec: record.spec, ...(record.range ? { range: record.range } : {}) };
}

function scriptPolicy(options: InstallOptions): ScriptPolicy {
  if (options.allowScripts !== undefined) return options.allowScripts;
  const fromConfig = options.npmOptions?.allowScripts;
  return Array.isArray(fromConfig) && fromConfig.length > 0 ? (fromConfig as string[]) : false;
}

/**
 * Installs plugins from a registry (name, name@version|range|tag, scoped), a local folder, a
 * local .tgz or a tarball URL, all or nothing; see docs/plugin-manager.md. With no specs it
 * reinstalls what `plugins.json` records (or what `file` lists). Linked plugins are skipped.
 */
export async function installPlugins(options: InstallOptions): Promise<InstallResult> {
  const cwd = options.cwd ?? process.cwd();
  const host = options.host;
  const pipeline: PipelineOptions = {
    ...options,
    force: options.force ?? false,
    scripts: scriptPolicy(options),
  };
  return runOperation(options, 'install', async () => {
    let items: InstallItem[];
    if (options.specs && options.specs.length > 0) {
      items = options.specs.map((raw) => {
        const fetch = parseSpec(raw, cwd, host.name);
        // local paths are recorded absolute, so a reinstall works from any folder
        const recordSpec =
          fetch.source === 'folder' || fetch.source === 'tarball'
            ? resolve(cwd, fetch.fetchSpec.slice('file:'.length))
            : raw;
        return { fetch, recordSpec, ...(fetch.range ? { range: fetch.range } : {}) };
      });
    } else {
      const source = options.file
        ? readRecordFile(resolve(cwd, options.file))
        : readRecordsForChange(options.pluginsDir, host).records;
      items = Object.values(source.plugins)
        .filter((r) => r.source !== 'link')
        .map((r) => itemFromRecord(r, host.name, cwd));
    }
    if (items.length === 0) {
      sweepLeftovers(options.pluginsDir, readRecordsForChange(options.pluginsDir, host).records);
      return { installed: [] };
    }
    return { installed: await installItems(items, pipeline) };
  });
}
