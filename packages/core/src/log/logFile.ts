import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Options of {@link logFile}. */
export interface LogFileOptions {
  /** The folder; created on the first line written. */
  dir: string;
  /** The file's name (`mycli.log`). */
  file: string;
  /** A file reaching this size is rotated before the next line (default 5 MiB). */
  maxBytes?: number;
  /** Rotated files kept beside the current one: `<file>.1` (newest) … `<file>.<keep>` (default 3). */
  keep?: number;
  /** Told once when the file cannot be written; no line is written after that. */
  onError?: (message: string) => void;
}

/** The default size at which the log file is rotated. */
export const LOG_MAX_BYTES = 5 * 1024 * 1024;
/** The default number of rotated files kept. */
export const LOG_KEEP = 3;

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function rotate(path: string, keep: number): void {
  if (keep < 1) return rmSync(path, { force: true });
  rmSync(`${path}.${keep}`, { force: true });
  for (let i = keep - 1; i >= 1; i--) {
    try {
      renameSync(`${path}.${i}`, `${path}.${i + 1}`);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  renameSync(path, `${path}.1`);
}

/**
 * An append-only log file with size-based rotation. Each line is appended synchronously, so a
 * process that exits right after logging loses nothing; the size is read before each line, so
 * runs of several processes rotate the same file in turn. Nothing is created before the first line.
 */
export function logFile(options: LogFileOptions): { append(line: string): void } {
  const path = join(options.dir, options.file);
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
  const keep = options.keep ?? LOG_KEEP;
  let failed = false;
  let dirMade = false;
  return {
    append(line) {
      if (failed) return;
      try {
        if (!dirMade) mkdirSync(options.dir, { recursive: true, mode: 0o700 });
        dirMade = true;
        const size = sizeOf(path);
        if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate(path, keep);
        // Owner-only: a log may hold facts about the user's systems even with secrets masked.
        appendFileSync(path, line, { mode: 0o600 });
      } catch (err) {
        failed = true;
        const reason = err instanceof Error ? err.message : String(err);
        options.onError?.(`Logging is off for this run: cannot write ${path}: ${reason}`);
      }
    },
  };
}
