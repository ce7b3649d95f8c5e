import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import type vm from 'node:vm';

/** Module internals this file uses (stable since Node 0.x, but not in @types/node). */
interface InternalModule {
  exports: unknown;
  require(id: string): unknown;
  _compile(content: string, filename: string): unknown;
}
interface InternalModuleStatics {
  prototype: InternalModule;
  wrap(content: string): string;
  _resolveFilename(request: string, parent: unknown, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: unknown): string[] | null;
  _cache: unknown;
  _extensions: unknown;
  enableCompileCache?: (dir: string) => unknown;
}

const NodeModule = Module as unknown as InternalModuleStatics;
const IN_NODE_MODULES = `${sep}node_modules${sep}`;
let enabledDir: string | undefined;

/**
 * Where the compile cache lives: `<PREFIX>_COMPILE_CACHE` (a folder, or `off` for none), else
 * `EDICT_COMPILE_CACHE` (the same, for every Edict CLI and the framework's startup packs), else
 * the user's cache folder (`$XDG_CACHE_HOME` or `~/.cache`; `%LOCALAPPDATA%` on Windows) under
 * `edict/compile`. It belongs to the user, not to one CLI home: what it holds is compiled library
 * code, the same for every Edict CLI.
 */
export function compileCacheDir(env: NodeJS.ProcessEnv, envPrefix: string): string | undefined {
  const set = env[`${envPrefix}_COMPILE_CACHE`] || env.EDICT_COMPILE_CACHE;
  if (set === 'off') return undefined;
  if (set) return set;
  const base =
    process.platform === 'win32'
      ? env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local')
      : env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'edict', 'compile');
}

/**
 * Keeps V8's compiled code of the npm libraries a plugin command loads (pacote, arborist and
 * ~250 more files) in `dir`, so later runs skip parsing them: about a tenth of a `plugins
 * install`. Uses `module.enableCompileCache` where Node has it (≥ 22.1); on older Node, CommonJS
 * files under a `node_modules` folder are compiled with V8's code cache by hand. The cache is
 * checked by V8 against each file's source and Node version, so a stale or damaged entry only
 * costs a normal compile. Call once per process, before the libraries load.
 */
export function enableCompileCache(dir: string): void {
  if (enabledDir !== undefined) return;
  enabledDir = join(dir, `${process.version}-${process.arch}`);
  if (typeof NodeModule.enableCompileCache === 'function') {
    NodeModule.enableCompileCache(enabledDir);
    return;
  }
  // Required here, not at the top: node:crypto and node:vm are not needed until a cache is on.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const { Script, constants } = require('node:vm') as typeof import('node:vm');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const original = NodeModule.prototype._compile;
  const cacheDir = enabledDir;
  const pending = new Map<string, vm.Script>();
  NodeModule.prototype._compile = function compileWithCache(
    this: InternalModule,
    content: string,
    filename: string,
  ): unknown {
    if (!filename.includes(IN_NODE_MODULES) || !/\.c?js$/.test(filename))
      return original.call(this, content, filename);
    const key = join(
      cacheDir,
      createHash('sha256').update(filename).update('\0').update(content).digest('hex'),
    );
    let script: vm.Script;
    try {
      const cachedData = readCache(key);
      script = new Script(NodeModule.wrap(content), {
        filename,
        ...(cachedData ? { cachedData } : {}),
        importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
      });
      if (!cachedData || script.cachedDataRejected === true) pending.set(key, script);
    } catch {
      // A syntax error (or anything else odd) is left to Node's own compile to report.
      return original.call(this, content, filename);
    }
    const fn = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return fn.call(this.exports, this.exports, requireFor(this), this, filename, dirname(filename));
  };
  // Written at exit, when the libraries' functions that ran are compiled too and land in the cache.
  process.once('exit', () => writePending(cacheDir, pending));
}

function readCache(key: string): Buffer | undefined {
  try {
    return readFileSync(key);
  } catch {
    return undefined;
  }
}

function writePending(cacheDir: string, pending: Map<string, vm.Script>): void {
  if (pending.size === 0) return;
  try {
    mkdirSync(cacheDir, { recursive: true });
    for (const [key, script] of pending) {
      const temp = `${key}.${process.pid}.tmp`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, key);
    }
  } catch {
    // A cache that cannot be written (read-only home, full disk) only makes the next run slower.
  }
}

/** The `require` Node gives a CommonJS module (see Node's makeRequireFunction). */
function requireFor(mod: InternalModule): NodeJS.Require {
  const require = ((id: string) => mod.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: { paths?: string[] }) =>
    NodeModule._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => NodeModule._resolveLookupPaths(request, mod);
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = NodeModule._extensions as NodeJS.Require['extensions'];
  require.cache = NodeModule._cache as NodeJS.Require['cache'];
  return require;
}
