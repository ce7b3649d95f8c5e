import { lstatSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { codeOf } from '../errors';

/** The content of `.lock/owner-<nonce>`. */
export interface LockOwner {
  host: string;
  pid: number;
  startedAt: string;
  operation: string;
  nonce: string;
}

/** Who holds a lock: a running process, one on another host, or an owner that cannot be read yet. */
export type Holder =
  | { state: 'running' | 'other-host'; host: string; pid: number; operation: string; startedAt: string }
  | { state: 'unreadable' };

/** What to do about a lock that was found in place. */
export type Verdict = { kind: 'retry' } | { kind: 'held'; holder: Holder } | { kind: 'foreign' };

export const OWNER_PREFIX = 'owner-';
/** An unreadable owner file or a lock folder with other content is stale after this long. */
const STALE_MS = 10_000;
/** A lock file of the previous format is written in one go, so a broken one is stale sooner. */
const LEGACY_STALE_MS = 2_000;

const RETRY: Verdict = { kind: 'retry' };
const UNREADABLE: Verdict = { kind: 'held', holder: { state: 'unreadable' } };

/** False only when no process has that pid (EPERM means it runs as another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return codeOf(err) !== 'ESRCH';
  }
}

/** Owner fields from a lock's JSON; undefined unless it names a usable pid. */
export function parseOwner(text: string): (Partial<LockOwner> & { pid: number }) | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner> | null;
    // pid 0 or a negative pid would make process.kill signal a process group.
    if (typeof value !== 'object' || value === null || !Number.isInteger(value.pid) || value.pid! <= 0)
      return undefined;
    return value as Partial<LockOwner> & { pid: number };
  } catch {
    return undefined;
  }
}

const ageOf = (path: string): number => Date.now() - statSync(path).mtimeMs;

/** Held by a live process or another host's; otherwise `remove` its trace and retry. */
function judge(owner: Partial<LockOwner> & { pid: number }, remove: () => void): Verdict {
  const host = typeof owner.host === 'string' ? owner.host : hostname();
  const facts = {
    host,
    pid: owner.pid,
    operation: String(owner.operation ?? 'unknown operation'),
    startedAt: String(owner.startedAt ?? 'at an unknown time'),
  };
  if (host !== hostname()) return { kind: 'held', holder: { state: 'other-host', ...facts } };
  if (isAlive(owner.pid)) return { kind: 'held', holder: { state: 'running', ...facts } };
  remove();
  return RETRY;
}

function examineDir(lock: string): Verdict {
  const entries = readdirSync(lock);
  const ownerName = entries.find((name) => name.startsWith(OWNER_PREFIX));
  if (ownerName === undefined) {
    if (entries.length === 0) return RETRY;
    if (ageOf(lock) < STALE_MS) return UNREADABLE;
    // A lock folder holds nothing but its owner file, so these names cannot belong to a newer owner.
    for (const name of entries) rmSync(join(lock, name), { recursive: true, force: true });
    return RETRY;
  }
  const file = join(lock, ownerName);
  // Unlinking this exact name cannot remove a newer owner's file: only one remover succeeds.
  const remove = (): void => unlinkSync(file);
  const owner = parseOwner(readFileSync(file, 'utf8'));
  if (owner) return judge(owner, remove);
  if (ageOf(file) < STALE_MS) return UNREADABLE;
  remove();
  return RETRY;
}

function examineLegacyFile(lock: string): Verdict {
  const remove = (): void => {
    try {
      unlinkSync(lock);
    } catch (err) {
      // Another process removed the file and put a lock folder in its place.
      if ((codeOf(err) !== 'EISDIR' && codeOf(err) !== 'EPERM') || !lstatSync(lock).isDirectory()) throw err;
    }
  };
  const owner = parseOwner(readFileSync(lock, 'utf8'));
  if (owner) return judge(owner, remove);
  if (ageOf(lock) < LEGACY_STALE_MS) return UNREADABLE;
  remove();
  return RETRY;
}

/**
 * Looks at the lock that stopped a rename. A lock whose owner is gone, and a broken lock old
 * enough, are removed (the caller then retries); a vanished lock also means retry.
 * File-system errors other than ENOENT are thrown as they are.
 */
export function examineLock(lock: string): Verdict {
  try {
    const stat = lstatSync(lock);
    if (stat.isDirectory()) return examineDir(lock);
    if (stat.isFile()) return examineLegacyFile(lock);
    return { kind: 'foreign' };
  } catch (err) {
    if (codeOf(err) === 'ENOENT') return RETRY;
    throw err;
  }
}
