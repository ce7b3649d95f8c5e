import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { registerCleanup } from '@edict/core';
import { codeOf } from '../errors';
import { contendedError, foreignLockError, lockedError, lockFsError } from './lockErrors';
import { examineLock, isAlive, OWNER_PREFIX, parseOwner, type LockOwner, type Verdict } from './lockOwner';
import { lockFile } from './paths';

const ATTEMPTS = 5;
const TMP_PREFIX = '.lock-tmp-';
const LEFTOVER_MAX_AGE_MS = 60 * 60 * 1000;
/** rename() failures that mean "something is at the lock's path" (or our temp folder vanished). */
const TAKEN = new Set(['ENOTEMPTY', 'EEXIST', 'ENOTDIR', 'EISDIR', 'ENOENT']);
/** rmdir() failures on release that mean another process already put its lock in place. */
const RELEASED = new Set(['ENOTEMPTY', 'EEXIST', 'ENOENT', 'ENOTDIR']);

function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // best effort: a leftover temp folder is removed by a later operation
  }
}

/** Builds a complete lock folder aside and renames it into place; false when a lock is there. */
function tryRename(pluginsDir: string, lock: string, owner: LockOwner): boolean {
  const tmp = join(pluginsDir, `${TMP_PREFIX}${owner.pid}-${owner.nonce}`);
  try {
    mkdirSync(tmp);
    const fd = openSync(join(tmp, OWNER_PREFIX + owner.nonce), 'wx');
    try {
      writeSync(fd, JSON.stringify(owner));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    removeQuietly(tmp);
    throw lockFsError('write the plugins lock in', tmp, err);
  }
  try {
    // Replaces nothing or an empty folder; fails on a non-empty folder or a file.
    renameSync(tmp, lock);
    return true;
  } catch (err) {
    removeQuietly(tmp);
    if (TAKEN.has(codeOf(err) ?? '')) return false;
    throw lockFsError('take the plugins lock', lock, err);
  }
}

/** Removes temp folders of processes killed while taking the lock, and any older than an hour. */
function removeLeftovers(pluginsDir: string): void {
  let names: string[];
  try {
    names = readdirSync(pluginsDir);
  } catch {
    return; // best effort: leftovers cost nothing and a later operation tries again
  }
  for (const name of names) {
    const match = /^\.lock-tmp-(\d+)-([0-9a-f]+)$/.exec(name);
    if (!match) continue;
    const dir = join(pluginsDir, name);
    try {
      const old = Date.now() - statSync(dir).mtimeMs > LEFTOVER_MAX_AGE_MS;
      if (old || (!isAlive(Number(match[1])) && ownerHost(join(dir, OWNER_PREFIX + match[2])) === hostname()))
        removeQuietly(dir);
    } catch {
      // gone already
    }
  }
}

/** The host in a temp folder's owner file; this host when the process died before writing it. */
function ownerHost(file: string): string {
  try {
    return parseOwner(readFileSync(file, 'utf8'))?.host ?? hostname();
  } catch {
    return hostname();
  }
}

/** The release function; until it is called, an interrupted run (SIGINT, SIGTERM) releases too. */
function releaser(lock: string, nonce: string): () => void {
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    unregister();
    try {
      unlinkSync(join(lock, OWNER_PREFIX + nonce));
    } catch (err) {
      if (codeOf(err) !== 'ENOENT') throw lockFsError('release the plugins lock', lock, err);
    }
    try {
      rmdirSync(lock);
    } catch (err) {
      if (!RELEASED.has(codeOf(err) ?? '')) throw lockFsError('release the plugins lock', lock, err);
    }
  };
  const unregister = registerCleanup(release);
  return release;
}

/**
 * Takes the plugins folder's lock: the folder `.lock/` holding one `owner-<nonce>` file (host,
 * pid, operation, start time), renamed into place complete so exactly one racer wins. A lock
 * whose process is gone (on this host) is taken over; a live one, or another host's, raises
 * EDICT_PLUGINS_LOCKED; a file-system failure raises EDICT_PLUGINS_FS.
 * Returns the release function (calling it again does nothing); it also runs if the CLI is
 * stopped by SIGINT or SIGTERM first (see `registerCleanup` in @edict/core).
 */
export function acquireLock(pluginsDir: string, operation: string, hostName: string): () => void {
  const lock = lockFile(pluginsDir);
  try {
    mkdirSync(pluginsDir, { recursive: true });
  } catch (err) {
    throw lockFsError('create the plugins folder', pluginsDir, err);
  }
  const startedAt = new Date().toISOString();
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const nonce = randomBytes(8).toString('hex');
    if (tryRename(pluginsDir, lock, { host: hostname(), pid: process.pid, startedAt, operation, nonce })) {
      removeLeftovers(pluginsDir);
      return releaser(lock, nonce);
    }
    let verdict: Verdict;
    try {
      verdict = examineLock(lock);
    } catch (err) {
      throw lockFsError('inspect the plugins lock', lock, err);
    }
    if (verdict.kind === 'held') throw lockedError(lock, verdict.holder, hostName);
    if (verdict.kind === 'foreign') throw foreignLockError(lock, hostName);
  }
  throw contendedError(lock, ATTEMPTS);
}

/** Runs `fn` while holding the plugins folder's lock (see {@link acquireLock}). */
export async function withLock<T>(
  pluginsDir: string,
  operation: string,
  hostName: string,
  fn: () => Promise<T>,
): Promise<T> {
  const release = acquireLock(pluginsDir, operation, hostName);
  try {
    return await fn();
  } finally {
    release();
  }
}
