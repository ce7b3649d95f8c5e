import { readFileSync, statSync } from 'node:fs';
import { pluginError, PluginErrorCodes } from '../errors';
import type { PluginRecordFile } from '../types';
import { writeJsonAtomic } from './atomicWrite';
import { recordFile } from './paths';

/** The record of a plugins folder; an empty one when the file does not exist. */
export function readRecords(pluginsDir: string): PluginRecordFile {
  return readRecordFile(recordFile(pluginsDir));
}

/** Reads any `plugins.json`-shaped file (also used by `install --file`). */
export function readRecordFile(path: string): PluginRecordFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, plugins: {} };
    throw err;
  }
  try {
    const parsed = JSON.parse(text) as Partial<PluginRecordFile>;
    if (parsed.version !== 1 || typeof parsed.plugins !== 'object' || parsed.plugins === null) {
      throw new Error('expected { "version": 1, "plugins": { … } }');
    }
    return parsed as PluginRecordFile;
  } catch (err) {
    throw pluginError(PluginErrorCodes.RECORD_CORRUPT, `${path} is not a valid plugin record: ${(err as Error).message}`, {
      details: { path },
      cause: err,
    });
  }
}

/** Replaces the record atomically. */
export function writeRecords(pluginsDir: string, records: PluginRecordFile): void {
  const sorted: PluginRecordFile = { version: 1, plugins: {} };
  for (const name of Object.keys(records.plugins).sort()) sorted.plugins[name] = records.plugins[name]!;
  writeJsonAtomic(recordFile(pluginsDir), sorted);
}

/** `mtimeMs:size` of the record file ("none" when missing): cheap change detection for the index. */
export function recordStamp(pluginsDir: string): string {
  try {
    const st = statSync(recordFile(pluginsDir));
    return `${st.mtimeMs}:${st.size}`;
  } catch {
    return 'none';
  }
}
