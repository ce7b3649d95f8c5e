import { readFileSync, statSync } from 'node:fs';
import { writeFileAtomic } from '../store/atomicWrite';
import { indexFile } from '../store/paths';
import { recordStamp } from '../store/record';
import { INDEX_VERSION, parseIndex, serializeIndex } from './indexFormat';
import type { PluginHost, PluginIndex } from '../types';

function readIndexFile(pluginsDir: string): PluginIndex | undefined {
  try {
    return parseIndex(readFileSync(indexFile(pluginsDir)));
  } catch {
    return undefined;
  }
}

function linkedChanged(index: PluginIndex): boolean {
  for (const p of index.plugins) {
    if (!p.linked) continue;
    let mtime = -1;
    try {
      mtime = statSync(p.linked.definitionsFile).mtimeMs;
    } catch {
      // a vanished definitions file counts as a change
    }
    if (mtime !== p.linked.mtimeMs) return true;
  }
  return false;
}

/** Why an index cannot be used as is, or undefined when it is fresh. */
export function staleReason(
  index: PluginIndex | undefined,
  pluginsDir: string,
  host: PluginHost,
): string | undefined {
  if (!index) return 'missing or unreadable';
  if (index.hostName !== host.name || index.hostVersion !== host.version) return 'host version changed';
  if (index.recordStamp !== recordStamp(pluginsDir)) return 'record changed';
  if (linkedChanged(index)) return 'a linked plugin changed';
  return undefined;
}

const emptyIndex = (host: PluginHost): PluginIndex => ({
  version: INDEX_VERSION,
  hostName: host.name,
  hostVersion: host.version,
  recordStamp: 'none',
  plugins: [],
  warnings: [],
});

/**
 * The combined command index of all plugins: the startup path. When the index is fresh this is
 * one JSON read plus a stat of the record (and of linked plugins' definitions files); no npm
 * library is loaded. A missing, corrupt or stale index is rebuilt from the record and the entry
 * files of the installed plugins (data: no plugin code runs, but a changed linked plugin's
 * definitions module, sandboxed) and rewritten; a failed rewrite (read-only folder) is not an error.
 */
export function readPluginIndex(pluginsDir: string, host: PluginHost): PluginIndex {
  const index = readIndexFile(pluginsDir);
  if (staleReason(index, pluginsDir, host) === undefined) return index!;
  if (!index && recordStamp(pluginsDir) === 'none') return emptyIndex(host);
  // Required here: rebuilding loads plugin definitions and validation, which a fresh read never needs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildIndex } = require('./buildIndex') as typeof import('./buildIndex');
  let rebuilt: PluginIndex;
  try {
    rebuilt = buildIndex(pluginsDir, host, index);
  } catch (err) {
    // A plugins folder this run cannot read must not stop the CLI: no plugin commands, one warning.
    return {
      ...emptyIndex(host),
      warnings: [
        `the plugins folder ${pluginsDir} cannot be read (${err instanceof Error ? err.message : err}); ` +
          `plugin commands are unavailable. Run: ${host.name} plugins doctor`,
      ],
    };
  }
  try {
    writeFileAtomic(indexFile(pluginsDir), serializeIndex(rebuilt));
  } catch {
    // the rebuilt index is still right for this run
  }
  return rebuilt;
}
