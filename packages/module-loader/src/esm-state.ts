/** Types shared by the ESM side and the off-thread hook module (types only, no runtime code). */
import type { RedirectConfig } from './policy';

/** What the off-thread hook needs: plain data, posted to the hooks thread. */
export interface HookState {
  config: RedirectConfig;
  /** `stderr`: the hook prints trace lines itself; `post`: it posts events back to the main thread. */
  trace: 'off' | 'stderr' | 'post';
}

/** `data` of `module.register` for lib/hooks.mjs. */
export interface HookData {
  /** Receives {@link StateMessage}s; trace events go back through it. */
  port: import('node:worker_threads').MessagePort;
  /** One Int32: the last `seq` the hook applied, so the main thread can wait for it. */
  ack: SharedArrayBuffer;
  state: HookState | undefined;
}

/** A new state for the hook; `undefined` state means pass everything through. */
export interface StateMessage {
  seq: number;
  state: HookState | undefined;
}
