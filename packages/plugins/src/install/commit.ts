import { renameSync } from 'node:fs';
import { buildIndex } from '../index-file/buildIndex';
import { serializeIndex } from '../index-file/indexFormat';
import { writeFileAtomic } from '../store/atomicWrite';
import { indexFile } from '../store/paths';
import { writeRecords } from '../store/record';
import { sweepLeftovers } from '../store/sweep';
import type { PluginHost, PluginIndex, PluginRecordFile } from '../types';

/** What a commit leaves to say: warnings about the derived index. */
export interface CommitResult {
  index: PluginIndex;
  warnings: string[];
}

/**
 * Writes the index; a folder where the file belongs is moved aside (nothing is deleted) and the write
 * retried.
 */
function writeIndex(pluginsDir: string, index: PluginIndex, warnings: string[]): void {
  const path = indexFile(pluginsDir);
  try {
    writeFileAtomic(path, serializeIndex(index));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EISDIR') throw err;
    const aside = `${path}.moved-${Date.now()}`;
    renameSync(path, aside);
    warnings.push(`${path} was a folder; it was moved to ${aside}`);
    writeFileAtomic(path, serializeIndex(index));
  }
}

/**
 * Commits an operation: writes the new record atomically, which is the one commit point (before
 * it, the old record names the old folders, which are untouched; after it, the new one names
 * folders already complete in `installed/`). Then the index is derived from the new record and
 * every folder the record no longer names is removed. A failure after the commit point only
 * leaves work for the next run (a stale index is rebuilt from data; leftovers are swept).
 */
export function commitRecord(options: {
  pluginsDir: string;
  host: PluginHost;
  records: PluginRecordFile;
  previousIndex?: PluginIndex;
}): CommitResult {
  const { pluginsDir, host, records } = options;
  writeRecords(pluginsDir, records);
  const warnings: string[] = [];
  const index = buildIndex(pluginsDir, host, options.previousIndex);
  try {
    writeIndex(pluginsDir, index, warnings);
  } catch (err) {
    warnings.push(
      `the command index could not be written (${(err as Error).message}` +
        `); it is rebuilt on each run until \`${host.name}` +
        ` plugins doctor\` fixes it`,
    );
  }
  try {
    sweepLeftovers(pluginsDir, records);
  } catch (err) {
    warnings.push(
      `old plugin folders could not all be removed (${(err as Error).message}` +
        `); the next plugins command retries`,
    );
  }
  return { index, warnings };
}
