/**
 * enableModuleLoader: the public entry. One loader is active per process; enabling another
 * replaces it. CommonJS redirection starts at once (cheap); ESM hooks only on `enableEsm()`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { disableCjsRedirect, enableCjsRedirect } from './cjs-redirect';
import { moduleLoaderDisabledByEnv, moduleLoaderTraceByEnv } from './env';
import type { EsmHookApi, EsmState } from './esm-redirect';
import type { RedirectConfig } from './policy';
import { realPathOf } from './real-path';
import { traceToStderr, type ModuleLoaderTrace } from './trace';

/** Options of {@link enableModuleLoader}. */
export interface ModuleLoaderOptions {
  /** The host CLI's package folder: injected requests resolve as if made from here. */
  hostRoot: string;
  /** Exact package names (`mycli`) and scope patterns (`@edict/*`) handed out from the host. */
  injected: readonly string[];
  /** Folders whose code is redirected: the installed-plugins folder, linked plugins' folders. */
  pluginRoots?: readonly string[];
  /**
   * `true`: one stderr line per redirect; a function: receives each event. Default:
   * `EDICT_MODULE_LOADER_TRACE`.
   */
  trace?: boolean | ModuleLoaderTrace;
  /** Do not redirect anything (plugins resolve from their own node_modules). */
  disabled?: boolean;
  /** Host prefix (`MYCLI`): `MYCLI_MODULE_LOADER=off` disables, as does `EDICT_MODULE_LOADER=off`. */
  envPrefix?: string;
  /** Environment read for the switches above; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** A running (or, when `enabled` is false, inert) module loader. */
export interface ModuleLoader {
  /** False when turned off by option or environment, or after `disable()`. */
  readonly enabled: boolean;
  /** Real path of the host root. */
  readonly hostRoot: string;
  /** Real paths of the plugin roots. */
  readonly pluginRoots: readonly string[];
  /** The Node API carrying the ESM hook once `enableEsm()` ran: `registerHooks` or `register`. */
  readonly esmHookApi: EsmHookApi | undefined;
  /** Redirect code under `dir` too (compared by real path); also reaches ESM hooks already registered. */
  addPluginRoot(dir: string): void;
  /** Register the ESM hooks (call before importing an ESM plugin). Idempotent. */
  enableEsm(): void;
  /** Stop redirecting (CommonJS and ESM). Modules already loaded stay loaded. */
  disable(): void;
}

let active: { disable(): void } | undefined;

/** The ESM side (worker_threads, hook registration) is loaded only when an ESM plugin needs it. */
function esmRedirect(): typeof import('./esm-redirect') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./esm-redirect') as typeof import('./esm-redirect');
}

function readHostPackage(hostRoot: string): { name: string | undefined; hasExports: boolean } {
  try {
    const pkg = JSON.parse(readFileSync(join(hostRoot, 'package.json'), 'utf8')) as {
      name?: unknown;
      exports?: unknown;
    };
    return {
      name: typeof pkg.name === 'string' ? pkg.name : undefined,
      hasExports: pkg.exports !== undefined,
    };
  } catch {
    return { name: undefined, hasExports: false };
  }
}

function traceOf(
  options: ModuleLoaderOptions,
  env: ModuleLoaderOptions['env'] & object,
): ModuleLoaderTrace | undefined {
  if (typeof options.trace === 'function') return options.trace;
  const on = options.trace ?? moduleLoaderTraceByEnv(env);
  return on ? traceToStderr : undefined;
}

/**
 * Make plugins' `require`/`import` of injected packages get the host's copies. Returns the
 * loader even when disabled by option or environment (then `enabled` is false and it does nothing).
 */
export function enableModuleLoader(options: ModuleLoaderOptions): ModuleLoader {
  const env = options.env ?? process.env;
  const hostRoot = realPathOf(options.hostRoot);
  const host = readHostPackage(hostRoot);
  const config: RedirectConfig = {
    hostRoot,
    anchorFile: join(hostRoot, '__edict_module_loader_anchor__.js'),
    hostName: host.name,
    hostHasExports: host.hasExports,
    injected: [...options.injected],
    pluginRoots: [...new Set((options.pluginRoots ?? []).map(realPathOf))],
  };
  const trace = traceOf(options, env);
  let enabled = !options.disabled && !moduleLoaderDisabledByEnv(env, options.envPrefix);
  let esmHookApi: EsmHookApi | undefined;
  const esmState = (): EsmState => ({ config: { ...config, pluginRoots: [...config.pluginRoots] }, trace });

  const loader: ModuleLoader = {
    get enabled() {
      return enabled;
    },
    hostRoot,
    get pluginRoots() {
      return [...config.pluginRoots];
    },
    get esmHookApi() {
      return esmHookApi;
    },
    addPluginRoot(dir) {
      const root = realPathOf(dir);
      if (config.pluginRoots.includes(root)) return;
      config.pluginRoots.push(root);
      if (!enabled) return;
      enableCjsRedirect(config, trace);
      if (esmHookApi) esmRedirect().updateEsmRedirect(esmState());
    },
    enableEsm() {
      if (enabled && !esmHookApi) esmHookApi = esmRedirect().enableEsmRedirect(esmState());
    },
    disable() {
      if (!enabled) return;
      enabled = false;
      disableCjsRedirect();
      if (esmHookApi) esmRedirect().updateEsmRedirect(undefined);
      if (active === loader) active = undefined;
    },
  };
  if (enabled) {
    active?.disable();
    active = loader;
    enableCjsRedirect(config, trace);
  }
  return loader;
}
