import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

let tempCounter = 0;

/**
 * Writes a file so readers see either the old content or the new, never a torn one: the data
 * goes to a temp file next to the target (its folder created if needed), is flushed, then
 * renamed over it. A failed write leaves no temp file behind.
 */
export function writeFileAtomic(path: string, data: string, options: { mode?: number } = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  // pid + counter is unique among writers without loading node:crypto on the startup path
  const temp = `${path}.${process.pid}.${(tempCounter += 1)}.tmp`;
  try {
    const fd = openSync(temp, 'w', options.mode ?? 0o666);
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}
