/**
 * CommonJS side: one patch of `Module._resolveFilename`, the function behind `require`,
 * `require.resolve` and `createRequire(...)`. A redirected request is resolved by the original
 * function with a parent anchored in the host root, so `exports`, conditions and subpaths
 * behave exactly as if the host had asked, and `require.cache` hands out the host's instance.
 */
import Module from 'node:module';
import { isNotExported, notExportedError } from './not-exported';
import { planRedirect, type RedirectConfig } from './policy';
import type { ModuleLoaderTrace } from './trace';

type ResolveFilename = (
  request: string,
  parent: Module | undefined,
  isMain: boolean,
  options?: unknown,
) => string;

interface ModuleInternals {
  _resolveFilename: ResolveFilename;
  _nodeModulePaths(from: string): string[];
}

const internals = Module as unknown as ModuleInternals;

interface CjsState {
  config: RedirectConfig;
  anchor: Module;
  trace: ModuleLoaderTrace | undefined;
}

let state: CjsState | undefined;
let original: ResolveFilename | undefined;
let patched: ResolveFilename | undefined;

/** A module object that stands for "the host asked": parent of every redirected request. */
function hostAnchor(config: RedirectConfig): Module {
  const anchor = new Module(config.anchorFile);
  anchor.filename = config.anchorFile;
  anchor.paths = internals._nodeModulePaths(config.hostRoot);
  return anchor;
}

function resolveRedirected(
  this: unknown,
  resolve: ResolveFilename,
  request: string,
  parent: Module | undefined,
  isMain: boolean,
  options?: unknown,
): string {
  const current = state;
  const from = parent?.filename;
  const plan =
    current && typeof request === 'string'
      ? planRedirect(request, from ?? undefined, current.config)
      : undefined;
  if (!current || !plan || !from) return resolve.call(this, request, parent, isMain, options);
  let resolved: string;
  let fallback = false;
  try {
    const target = plan.kind === 'path' ? plan.path : plan.request;
    resolved = resolve.call(this, target, current.anchor, isMain, options);
  } catch (error) {
    if (isNotExported(error)) throw notExportedError(error, request, from, 'required', current.config);
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    // Not installed in the host (e.g. a scope pattern matching a package only the plugin has).
    resolved = resolve.call(this, request, parent, isMain, options);
    fallback = true;
  }
  current.trace?.({ request, from, resolved, kind: 'require', fallback });
  return resolved;
}

/** Start (or reconfigure) redirection of CommonJS resolution. */
export function enableCjsRedirect(config: RedirectConfig, trace: ModuleLoaderTrace | undefined): void {
  state = { config, anchor: hostAnchor(config), trace };
  if (patched) return; // still in the chain (possibly under someone else's patch)
  const resolve = internals._resolveFilename;
  original = resolve;
  patched = function (this: unknown, request, parent, isMain, options) {
    return resolveRedirected.call(this, resolve, request, parent, isMain, options);
  };
  internals._resolveFilename = patched;
}

/**
 * Stop redirecting; restores the original function unless someone patched on top of ours (ours then passes
 * through).
 */
export function disableCjsRedirect(): void {
  state = undefined;
  if (patched && original && internals._resolveFilename === patched) {
    internals._resolveFilename = original;
    patched = undefined;
    original = undefined;
  }
}
