import { readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { PluginHost, PluginRecord, PluginRecordFile } from '../types';
import { readEntryFile } from './entryFile';
import { installedRoot, packageRootIn, recordFile } from './paths';
import { damagedRecordPath, readRecords, RecordDamage, writeRecords } from './record';

function dirs(path: string): string[] {
  try {
    return readdirSync(path, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  } catch {
    return [];
  }
}

/**
 * A record rebuilt from what is installed: every version folder's entry file carries the record
 * that named it; where a plugin has several folders (an operation died before its cleanup), the
 * newest install wins. Linked plugins are not in `installed/` and are lost (re-link them).
 */
export function recoverRecords(pluginsDir: string): PluginRecordFile {
  const plugins: Record<string, PluginRecord> = {};
  const root = installedRoot(pluginsDir);
  for (const plugin of dirs(root)) {
    for (const version of dirs(join(root, plugin))) {
      const folder = join(root, plugin, version);
      const { entry } = readEntryFile(folder);
      if (!entry) continue;
      const record: PluginRecord = { ...entry.record, folder, location: packageRootIn(folder, entry.name) };
      const seen = plugins[entry.name];
      if (!seen || seen.installedAt < record.installedAt) plugins[entry.name] = record;
    }
  }
  return { version: 2, plugins };
}

const damageText = (damage: RecordDamage, count: number): string =>
  `${damage.message}; found ${count} installed plugin(s) in installed/ instead`;

/**
 * The record for a run that only reads it (startup, list): a damaged one is replaced in memory by
 * {@link recoverRecords}, with one warning saying how to repair it for good.
 */
export function readRecordsForRun(
  pluginsDir: string,
  host: PluginHost,
): { records: PluginRecordFile; warning?: string } {
  try {
    return { records: readRecords(pluginsDir) };
  } catch (err) {
    if (!(err instanceof RecordDamage)) throw err;
    const records = recoverRecords(pluginsDir);
    return {
      records,
      warning:
        `${damageText(err, Object.keys(records.plugins).length)}. Repair it with: ${host.name}` +
        ` plugins doctor`,
    };
  }
}

/**
 * The record for an operation that changes it (the caller holds the lock): a damaged one is moved
 * aside and rebuilt from what is installed, and `notes` says so, naming the copy.
 */
export function readRecordsForChange(
  pluginsDir: string,
  host: PluginHost,
): { records: PluginRecordFile; notes: string[] } {
  try {
    return { records: readRecords(pluginsDir), notes: [] };
  } catch (err) {
    if (!(err instanceof RecordDamage)) throw err;
    const records = recoverRecords(pluginsDir);
    const aside = damagedRecordPath(pluginsDir, new Date());
    renameSync(recordFile(pluginsDir), aside);
    writeRecords(pluginsDir, records);
    const count = Object.keys(records.plugins).length;
    return {
      records,
      notes: [
        `${damageText(err, count)}. It was moved to ${aside}` +
          ` and rebuilt with ${count}` +
          ` plugin(s); if one is missing, install it again (${host.name}` +
          ` plugins install --file ${aside}` +
          ` reads the old file if it is still readable).`,
      ],
    };
  }
}
