import { readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pluginError, PluginErrorCodes } from '../errors';
import type { PluginRecord, PluginRecordFile } from '../types';
import { writeJsonAtomic } from './atomicWrite';
import { pluginDir, recordFile } from './paths';

/** Why a record file cannot be used as it is. */
export class RecordDamage extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path} is damaged: ${reason}`);
  }
}

const SOURCES = ['registry', 'folder', 'tarball', 'url', 'link'];

function checkEntry(key: string, value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `entry "${key}" is not an object`;
  const r = value as Partial<PluginRecord>;
  for (const field of ['name', 'version', 'spec', 'location', 'installedAt'] as const) {
    if (typeof r[field] !== 'string') return `entry "${key}" has no string "${field}"`;
  }
  if (r.name !== key) return `entry "${key}" names plugin "${r.name}"`;
  if (!SOURCES.includes(r.source as string)) return `entry "${key}" has an unknown source`;
  for (const field of ['owns', 'ownsProfileTypes'] as const) {
    const list = r[field];
    if (list !== undefined && !(Array.isArray(list) && list.every((n) => typeof n === 'string')))
      return `entry "${key}" has a bad "${field}"`;
  }
  return undefined;
}

/** A version-1 entry's project folder was `installed/<name>` itself: keep using it until replaced. */
function upgradeEntry(pluginsDir: string, record: PluginRecord): PluginRecord {
  if (record.folder || record.source === 'link') return record;
  const legacy = pluginDir(pluginsDir, record.name);
  const rel = relative(legacy, record.location);
  return rel.startsWith(`node_modules${sep}`) ? { ...record, folder: legacy } : record;
}

/** Parses record text; throws {@link RecordDamage} saying what is wrong. */
export function parseRecords(text: string, path: string, pluginsDir?: string): PluginRecordFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new RecordDamage(
      path,
      text.trim() === '' ? 'the file is empty' : `not JSON (${(err as Error).message})`,
    );
  }
  const file = parsed as { version?: unknown; plugins?: unknown };
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new RecordDamage(path, 'expected { "version": 2, "plugins": { … } }');
  if (file.version !== 1 && file.version !== 2)
    throw new RecordDamage(path, `unknown record version ${JSON.stringify(file.version)}`);
  if (typeof file.plugins !== 'object' || file.plugins === null || Array.isArray(file.plugins))
    throw new RecordDamage(path, '"plugins" is not an object');
  const plugins: Record<string, PluginRecord> = {};
  for (const [key, value] of Object.entries(file.plugins)) {
    const problem = checkEntry(key, value);
    if (problem) throw new RecordDamage(path, problem);
    plugins[key] = pluginsDir ? upgradeEntry(pluginsDir, value as PluginRecord) : (value as PluginRecord);
  }
  return { version: 2, plugins };
}

/** The file's text; undefined when it does not exist. A folder in its place is {@link RecordDamage}. */
function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    // Node's EISDIR from a read names no path; as damage, a run recovers and an operation moves it aside.
    if ((err as NodeJS.ErrnoException).code === 'EISDIR')
      throw new RecordDamage(path, 'it is a folder, not a file');
    throw err;
  }
}

/** The record of a plugins folder; an empty one when the file does not exist. Throws {@link RecordDamage}. */
export function readRecords(pluginsDir: string): PluginRecordFile {
  const path = recordFile(pluginsDir);
  const text = readText(path);
  return text === undefined ? { version: 2, plugins: {} } : parseRecords(text, path, pluginsDir);
}

/** Reads another `plugins.json`-shaped file (`install --file`); a bad one is EDICT_PLUGINS_RECORD_CORRUPT. */
export function readRecordFile(path: string): PluginRecordFile {
  const text = readText(path);
  if (text === undefined) {
    throw pluginError(PluginErrorCodes.PACKAGE_NOT_FOUND, `${path} does not exist.`, {
      hint: 'Check the path given to --file.',
      details: { path },
    });
  }
  try {
    return parseRecords(text, path);
  } catch (err) {
    throw pluginError(
      PluginErrorCodes.RECORD_CORRUPT,
      `${path} is not a valid plugin record: ${(err as RecordDamage).reason}.`,
      {
        hint: 'Give --file a plugins.json written by a plugins command.',
        details: { path },
        cause: err,
      },
    );
  }
}

/** Replaces the record atomically: the commit point of every operation on the plugins folder. */
export function writeRecords(pluginsDir: string, records: PluginRecordFile): void {
  const sorted: PluginRecordFile = { version: 2, plugins: {} };
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

/** The path a damaged record is moved to before it is rebuilt. */
export const damagedRecordPath = (pluginsDir: string, when: Date): string =>
  join(pluginsDir, `plugins.json.damaged-${when.toISOString().replace(/[:.]/g, '-')}`);
