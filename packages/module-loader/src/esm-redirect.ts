/**
 * Registers the ESM resolve hook, once per process, on first use. Node >= 22.15 has
 * `module.registerHooks` (synchronous, in this thread: state is shared directly). Older Node
 * gets `module.register` with lib/hooks.mjs on the hooks thread; state changes are posted over
 * a MessagePort and waited for, so a plugin root added after registration is in effect before
 * the next `import()`.
 */
import Module from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { resolveForImport, type ResolveContext, type ResolveResult } from './esm-resolve';
import type { HookData, HookState, StateMessage } from './esm-state';
import type { RedirectConfig } from './policy';
import { traceToStderr, type ModuleLoaderTrace, type ModuleLoaderTraceEvent } from './trace';

/** The ESM redirect's state in this thread; `undefined` passes everything through. */
export interface EsmState {
  config: RedirectConfig;
  trace: ModuleLoaderTrace | undefined;
}

/** Which Node API carries the hook. */
export type EsmHookApi = 'registerHooks' | 'register';

interface Backend {
  api: EsmHookApi;
  update(state: EsmState | undefined): void;
}

type SyncResolve = (
  specifier: string,
  context: ResolveContext,
  next: (s: string, c?: ResolveContext) => ResolveResult,
) => ResolveResult;
type RegisterHooks = (hooks: { resolve: SyncResolve }) => unknown;

/** How long the main thread waits for the hooks thread to take a new state. */
const ACK_TIMEOUT_MS = 10_000;

let backend: Backend | undefined;

function inThreadBackend(registerHooks: RegisterHooks, initial: EsmState): Backend {
  let current: EsmState | undefined = initial;
  registerHooks({
    resolve(specifier, context, next) {
      // require() also runs these hooks; the CommonJS patch already redirects it.
      if (!current || context.conditions?.includes('require')) return next(specifier, context);
      return resolveForImport(specifier, context, next, current.config, current.trace) as ResolveResult;
    },
  });
  return {
    api: 'registerHooks',
    update: (state) => {
      current = state;
    },
  };
}

function hookStateOf(state: EsmState | undefined): HookState | undefined {
  if (!state) return undefined;
  const trace = state.trace === undefined ? 'off' : state.trace === traceToStderr ? 'stderr' : 'post';
  return { config: state.config, trace };
}

function hooksThreadBackend(initial: EsmState): Backend {
  const { port1, port2 } = new MessageChannel();
  const ack = new Int32Array(new SharedArrayBuffer(4));
  let seq = 0;
  let trace = initial.trace;
  const data: HookData = { port: port2, ack: ack.buffer as SharedArrayBuffer, state: hookStateOf(initial) };
  Module.register(pathToFileURL(join(__dirname, 'hooks.mjs')), { data, transferList: [port2] });
  port1.on('message', (event: ModuleLoaderTraceEvent) => trace?.(event));
  port1.unref();
  return {
    api: 'register',
    update(state) {
      trace = state?.trace;
      seq += 1;
      const message: StateMessage = { seq, state: hookStateOf(state) };
      port1.postMessage(message);
      const deadline = Date.now() + ACK_TIMEOUT_MS;
      for (let seen = Atomics.load(ack, 0); seen < seq; seen = Atomics.load(ack, 0)) {
        if (Date.now() >= deadline) {
          throw Object.assign(
            new Error(`The module loader's ESM hook did not take its new state within ${ACK_TIMEOUT_MS} ms.`),
            {
              code: 'EDICT_MODULE_LOADER_HOOK_TIMEOUT',
            },
          );
        }
        Atomics.wait(ack, 0, seen, deadline - Date.now());
      }
    },
  };
}

/** Registers the hook on first call (with `state`), or hands it the new state. Returns the API used. */
export function enableEsmRedirect(state: EsmState): EsmHookApi {
  if (backend) backend.update(state);
  else {
    const registerHooks = (Module as unknown as { registerHooks?: RegisterHooks }).registerHooks;
    backend =
      typeof registerHooks === 'function'
        ? inThreadBackend(registerHooks.bind(Module), state)
        : hooksThreadBackend(state);
  }
  return backend.api;
}

/** Hands a registered hook a new state (`undefined`: pass through); no-op before registration. */
export function updateEsmRedirect(state: EsmState | undefined): void {
  backend?.update(state);
}
