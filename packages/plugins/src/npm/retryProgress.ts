import type { NpmOptions, ProgressFn } from '../types';

// make-fetch-happen logs every failed attempt through proc-log (a process 'log' event):
// `GET <url> attempt <n> failed with <code or status>`. npm-registry-fetch does not pass an
// `onRetry` callback on to it, so this log line is where a retry can be seen.
const ATTEMPT_FAILED = /^(\S+) (\S+) attempt (\d+) failed with (\S+)$/;

interface Watch {
  users: number;
  listener: (...args: unknown[]) => void;
}

const watches = new Map<ProgressFn, Watch>();

/** The retries npm config allows one request (`fetch-retries`, flattened to `retry.retries`). */
export function retriesOf(npmOptions: NpmOptions): number {
  const retry = npmOptions.retry as { retries?: unknown } | undefined;
  return typeof retry?.retries === 'number' ? retry.retries : 0;
}

/** The progress line for a failed attempt, or undefined when no retry follows it. */
export function retryMessage(logLine: string, retries: number): string | undefined {
  const match = ATTEMPT_FAILED.exec(logLine);
  if (!match) return undefined;
  const attempt = Number(match[3]);
  if (attempt > retries) return undefined;
  const reason = /^\d+$/.test(match[4] ?? '') ? `HTTP ${match[4]}` : match[4];
  return `Registry request failed (${reason}): retrying (${attempt} of ${retries})`;
}

/**
 * Reports each retried registry request to `onProgress` (phase `fetch`) until the returned
 * function is called. Watches of the same `onProgress` share one listener, so a request is
 * reported once however many parts of an install are waiting on the registry.
 */
export function watchRetries(npmOptions: NpmOptions, onProgress: ProgressFn | undefined): () => void {
  if (!onProgress) return () => undefined;
  let watch = watches.get(onProgress);
  if (!watch) {
    const retries = retriesOf(npmOptions);
    const listener = (level: unknown, prefix: unknown, line: unknown): void => {
      if (level !== 'http' || prefix !== 'fetch' || typeof line !== 'string') return;
      const message = retryMessage(line, retries);
      if (message) onProgress({ phase: 'fetch', message });
    };
    watch = { users: 0, listener };
    watches.set(onProgress, watch);
    process.on('log', listener);
  }
  watch.users++;
  let stopped = false;
  const current = watch;
  return () => {
    if (stopped) return;
    stopped = true;
    if (--current.users > 0) return;
    process.removeListener('log', current.listener);
    watches.delete(onProgress);
  };
}
