import type { NpmOptions, ProgressFn } from '../types';
import { watchRetries } from './retryProgress';

/**
 * For the duration of some registry work: reports retried requests to `onProgress`.
 * Call the returned function when the work has settled.
 */
export function watchRegistry(npmOptions: NpmOptions, onProgress: ProgressFn | undefined): () => void {
  return watchRetries(npmOptions, onProgress);
}
