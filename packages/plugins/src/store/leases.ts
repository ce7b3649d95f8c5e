import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The folder of a version folder's leases: one empty file per process running its code. */
const leasesDir = (folder: string): string => join(folder, '.leases');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Marks a version folder as used by this process, so an update or uninstall that supersedes it
 * while this command runs leaves its files in place until the command ends: a running command
 * keeps the code it started with. Best effort: a folder that cannot be written is just not kept.
 */
export function takeLease(folder: string): void {
  try {
    mkdirSync(leasesDir(folder), { recursive: true });
    writeFileSync(join(leasesDir(folder), String(process.pid)), '');
  } catch {
    // a read-only plugins folder: nothing to protect the files from either
  }
}

/** True when a live process holds a lease on the folder (leases of ended processes do not count). */
export function leased(folder: string): boolean {
  let pids: string[];
  try {
    pids = readdirSync(leasesDir(folder));
  } catch {
    return false;
  }
  return pids.some((p) => /^\d+$/.test(p) && Number(p) !== process.pid && alive(Number(p)));
}
