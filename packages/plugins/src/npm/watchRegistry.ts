import type { NpmOptions, ProgressFn } from '../types';
import { watchRetries } from './retryProgress';
import { guardTransfers } from './transferGuard';

/**
 * For the duration of some registry work: reports retried requests to `onProgress` and fails
 * response bodies that stall (see `guardTransfers`, with npm's `fetch-timeout` as the window).
 * Call the returned function when the work has settled.
 */
export function watchRegistry(npmOptions: NpmOptions, onProgress: ProgressFn | undefined): () => void {
  const stopRetries = watchRetries(npmOptions, onProgress);
  const stopGuard = guardTransfers(typeof npmOptions.timeout === 'number' ? npmOptions.timeout : 0);
  return () => {
    stopGuard();
    stopRetries();
  };
}
