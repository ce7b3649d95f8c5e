/**
 * ESM side of the redirect, written once for both hook flavours: `module.registerHooks`
 * (synchronous, Node >= 22.15) and `module.register` (asynchronous, hooks thread). A redirected
 * specifier goes to the next resolver with `parentURL` set to the host anchor, so `exports`,
 * conditions and subpaths resolve exactly as for the host.
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isNotExported, notExportedError } from './not-exported';
import { planRedirect, type RedirectConfig } from './policy';
import type { ModuleLoaderTraceEvent } from './trace';

/** The parts of Node's resolve-hook context the redirect reads or forwards. */
export interface ResolveContext {
  parentURL?: string | undefined;
  conditions?: readonly string[];
  [key: string]: unknown;
}

/** What a resolve hook returns. */
export interface ResolveResult {
  url: string;
  format?: string | null | undefined;
  shortCircuit?: boolean;
  [key: string]: unknown;
}

type Resolved = ResolveResult | Promise<ResolveResult>;
type NextResolve = (specifier: string, context?: ResolveContext) => Resolved;

function filePathOf(url: string | undefined): string | undefined {
  return url?.startsWith('file:') ? fileURLToPath(url) : undefined;
}

function isNotFound(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

function isPromise(value: Resolved): value is Promise<ResolveResult> {
  return typeof (value as Promise<ResolveResult>).then === 'function';
}

/**
 * Resolve `specifier` for an ESM importer, redirecting it to the host when the importer lies in
 * a plugin root and the specifier names an injected package. Returns a promise exactly when
 * `nextResolve` does.
 */
export function resolveForImport(
  specifier: string,
  context: ResolveContext,
  nextResolve: NextResolve,
  config: RedirectConfig | undefined,
  trace: ((event: ModuleLoaderTraceEvent) => void) | undefined,
): Resolved {
  const from = filePathOf(context.parentURL);
  const plan = config ? planRedirect(specifier, from, config) : undefined;
  if (!config || !plan || from === undefined) return nextResolve(specifier, context);

  const report = (result: ResolveResult, fallback: boolean): ResolveResult => {
    trace?.({
      request: specifier,
      from,
      resolved: filePathOf(result.url) ?? result.url,
      kind: 'import',
      fallback,
    });
    return result;
  };
  // Node merges the context passed to nextResolve into the one it keeps, so restore it explicitly.
  const pluginContext = { ...context };
  const fromPlugin = (error: unknown): Resolved => {
    if (isNotExported(error)) throw notExportedError(error, specifier, from, 'imported', config);
    if (!isNotFound(error)) throw error;
    const own = nextResolve(specifier, pluginContext);
    return isPromise(own) ? own.then((result) => report(result, true)) : report(own, true);
  };

  let result: Resolved;
  try {
    const target =
      plan.kind === 'path'
        ? pathToFileURL(createRequire(config.anchorFile).resolve(plan.path)).href
        : plan.request;
    result = nextResolve(target, { ...context, parentURL: pathToFileURL(config.anchorFile).href });
  } catch (error) {
    return fromPlugin(error);
  }
  return isPromise(result) ? result.then((r) => report(r, false), fromPlugin) : report(result, false);
}
