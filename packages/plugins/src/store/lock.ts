import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { pluginError, PluginErrorCodes } from '../errors';
import { lockFile } from './paths';

interface LockContent {
  pid: number;
  startedAt: string;
  operation: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockContent | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockContent;
  } catch {
    return undefined;
  }
}

/**
 * Takes the plugins folder's lock (an `O_EXCL` file holding pid and operation). A lock left by
 * a process that no longer runs is taken over; a live one raises EDICT_PLUGINS_LOCKED.
 * Returns the release function.
 */
export function acquireLock(pluginsDir: string, operation: string, hostName: string): () => void {
  mkdirSync(pluginsDir, { recursive: true });
  const path = lockFile(pluginsDir);
  const content: LockContent = { pid: process.pid, startedAt: new Date().toISOString(), operation };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(content));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(path);
      // A lock with unreadable content may be mid-write by its owner: treat it as held.
      if (holder && !isAlive(holder.pid)) {
        rmSync(path, { force: true });
        continue;
      }
      throw pluginError(
        PluginErrorCodes.LOCKED,
        `Another plugin operation is running (${holder ? `${holder.operation}, pid ${holder.pid}, since ${holder.startedAt}` : 'unknown owner'}); lock file ${path}.`,
        { hint: `Wait for it to finish and run the command again; if no ${hostName} process is running, delete ${path}.`, details: { lockFile: path, holder } },
      );
    }
  }
  throw pluginError(PluginErrorCodes.LOCKED, `Could not take the lock ${path}: another process took over the stale lock at the same moment.`, {
    hint: `Run the command again; if it keeps failing and no ${hostName} process is running, delete ${path}.`,
    details: { lockFile: path },
  });
}

/** Runs `fn` while holding the lock. */
export async function withLock<T>(pluginsDir: string, operation: string, hostName: string, fn: () => Promise<T>): Promise<T> {
  const release = acquireLock(pluginsDir, operation, hostName);
  try {
    return await fn();
  } finally {
    release();
  }
}
