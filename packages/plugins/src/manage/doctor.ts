import { commitRecord } from '../install/commit';
import { readIndexSafe } from '../index-file/readIndexSafe';
import { readRecordsForChange } from '../store/recover';
import { sweepLeftovers } from '../store/sweep';
import type { EngineOptions } from '../types';
import { listPlugins } from './listPlugins';
import { runOperation } from './operation';

export type DoctorOptions = Pick<EngineOptions, 'pluginsDir' | 'host'>;

/** What `plugins doctor` found and did. */
export interface DoctorReport {
  /** Repairs made (a damaged record rebuilt, a folder moved out of the index's place). */
  repaired: string[];
  /** Leftovers removed: staging folders, temp files, folders the record does not name. */
  removed: string[];
  /** Plugins that are still not usable, one line each, with what to do. */
  problems: string[];
  plugins: number;
}

/**
 * Checks and repairs the plugins folder under its lock: a damaged record is moved aside and
 * rebuilt from what is installed, leftovers of killed operations are removed, and the index is
 * rebuilt from the record. Reports plugins that stay unusable.
 */
export async function doctorPlugins(options: DoctorOptions): Promise<DoctorReport> {
  const { pluginsDir, host } = options;
  return runOperation(options, 'doctor', async () => {
    const { records, notes } = readRecordsForChange(pluginsDir, host);
    const removed = sweepLeftovers(pluginsDir, records);
    const { warnings } = commitRecord({
      pluginsDir,
      host,
      records,
      previousIndex: readIndexSafe(pluginsDir, host),
    });
    const problems = listPlugins({ pluginsDir, host })
      .filter((p) => p.health !== 'ok')
      .map((p) => `${p.name}@${p.version} is ${p.health}: ${p.problem ?? 'unknown problem'}`);
    return {
      repaired: [...notes, ...warnings],
      removed,
      problems,
      plugins: Object.keys(records.plugins).length,
    };
  });
}
