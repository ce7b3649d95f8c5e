/**
 * Off-thread resolve hook for `module.register` (Node < 22.15). Loaded only by Node's hooks
 * thread, never by plugins. New state (plugin roots added later, disable) arrives over the
 * MessagePort from `initialize`'s data; each message is acknowledged through a shared Int32 so
 * the main thread knows the hook has it before it imports the next plugin.
 */
import { writeSync } from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import { resolveForImport, type ResolveContext, type ResolveResult } from './esm-resolve.js';
import type { HookData, HookState, StateMessage } from './esm-state.js';
import { formatTraceEvent, type ModuleLoaderTraceEvent } from './trace.js';

let state: HookState | undefined;
let port: MessagePort | undefined;

export function initialize(data: HookData): void {
  state = data.state;
  port = data.port;
  const ack = new Int32Array(data.ack);
  port.on('message', (message: StateMessage) => {
    state = message.state;
    Atomics.store(ack, 0, message.seq);
    Atomics.notify(ack, 0);
  });
  port.unref();
}

function trace(event: ModuleLoaderTraceEvent): void {
  if (state?.trace === 'post') port?.postMessage(event);
  if (state?.trace !== 'stderr') return;
  try {
    // Synchronous: this thread's process.stderr is relayed asynchronously and may lose lines at exit.
    writeSync(2, formatTraceEvent(event));
  } catch {
    // Tracing must never break resolution.
  }
}

export async function resolve(
  specifier: string,
  context: ResolveContext,
  nextResolve: (specifier: string, context?: ResolveContext) => Promise<ResolveResult>,
): Promise<ResolveResult> {
  return resolveForImport(specifier, context, nextResolve, state?.config, trace);
}
