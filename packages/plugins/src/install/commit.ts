import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { buildIndex } from '../index-file/buildIndex';
import { serializeIndex } from '../index-file/indexFormat';
import { writeFileAtomic } from '../store/atomicWrite';
import { encodeName, indexFile, installedRoot, projectDir, recordFile, stagingRoot } from '../store/paths';
import { writeRecords } from '../store/record';
import type { PluginHost, PluginIndex, PluginRecordFile } from '../types';

/** One plugin folder to put in place (`staged`) or take away (`remove`). */
export interface FolderChange {
  name: string;
  /** A staging project folder that becomes `installed/<name>`. */
  staged?: string;
  remove?: boolean;
}

function readBytes(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Puts back a file's old content; an unchanged file is not touched (its mtime stamps the index). */
function restoreFile(path: string, content: string | undefined): void {
  if (readBytes(path) === content) return;
  if (content === undefined) rmSync(path, { force: true });
  else writeFileAtomic(path, content);
}

/**
 * Commits a set of folder changes plus the new record and index, all or nothing: folders move
 * by rename (old ones aside into `.staging`), `afterMove` runs (postInstall hooks, in the final
 * place), then the record and index are written atomically. Any failure moves every folder back
 * and restores the record and index bytes. Old folders are deleted only after success.
 */
export function commitChanges(options: {
  pluginsDir: string;
  host: PluginHost;
  changes: readonly FolderChange[];
  records: PluginRecordFile;
  previousIndex?: PluginIndex;
  afterMove?: () => void;
}): PluginIndex {
  const { pluginsDir, changes } = options;
  const oldRecord = readBytes(recordFile(pluginsDir));
  const oldIndex = readBytes(indexFile(pluginsDir));
  const installedExisted = existsSync(installedRoot(pluginsDir));
  const moves: { from: string; to: string }[] = [];
  const move = (from: string, to: string): void => {
    renameSync(from, to);
    moves.push({ from, to });
  };
  try {
    mkdirSync(installedRoot(pluginsDir), { recursive: true });
    mkdirSync(stagingRoot(pluginsDir), { recursive: true });
    for (const change of changes) {
      const dest = projectDir(pluginsDir, change.name);
      if (existsSync(dest)) move(dest, join(stagingRoot(pluginsDir), `${encodeName(change.name)}-old-${randomBytes(4).toString('hex')}`));
      if (change.staged) move(change.staged, dest);
    }
    options.afterMove?.();
    writeRecords(pluginsDir, options.records);
    const index = buildIndex(pluginsDir, options.host, options.previousIndex);
    writeFileAtomic(indexFile(pluginsDir), serializeIndex(index));
    for (const m of moves) if (m.to.startsWith(stagingRoot(pluginsDir))) rmSync(m.to, { recursive: true, force: true });
    return index;
  } catch (err) {
    for (const m of moves.reverse()) renameSync(m.to, m.from);
    restoreFile(recordFile(pluginsDir), oldRecord);
    restoreFile(indexFile(pluginsDir), oldIndex);
    if (!installedExisted) rmSync(installedRoot(pluginsDir), { recursive: true, force: true });
    throw err;
  }
}

/** Deletes the given staging folders, then `.staging` itself when nothing else is in it. */
export function cleanStaging(pluginsDir: string, dirs: readonly string[]): void {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  try {
    if (readdirSync(stagingRoot(pluginsDir)).length === 0) rmdirSync(stagingRoot(pluginsDir));
  } catch {
    // no .staging, or another operation's work is in it
  }
}
