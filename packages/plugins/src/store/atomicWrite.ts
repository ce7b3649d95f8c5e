import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

let tempCounter = 0;

/**
 * Writes a file so readers see either the old content or the new, never a torn one: the data
 * goes to a temp file next to the target, is flushed, then renamed over it.
 */
export function writeFileAtomic(path: string, data: string): void {
  // pid + counter is unique among writers without loading node:crypto on the startup path
  const temp = `${path}.${process.pid}.${(tempCounter += 1)}.tmp`;
  try {
    const fd = openSync(temp, 'w');
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

/** {@link writeFileAtomic} for a JSON value, pretty-printed with a final newline. */
export function writeJsonAtomic(path: string, value: unknown): void {
  writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}
