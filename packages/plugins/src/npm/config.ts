import { join } from 'node:path';
import { pluginError, PluginErrorCodes } from '../errors';
import { loadNpmConfig as loadConfigLib, type NpmConfigInstance } from '../heavy';
import type { NpmOptions } from '../types';

/**
 * Registry fetch settings the engine uses when no npm config layer (`.npmrc` files,
 * `npm_config_*` variables, `--registry`'s command line) sets the key. npm's own defaults
 * (retry waits of 10 s and 60 s, a 5 minute timeout) leave a dead registry silent for minutes;
 * these bound a request at 3 attempts of 30 s with 1 s and 4 s between them (95 s).
 */
export const ENGINE_FETCH_DEFAULTS: Readonly<Record<string, number>> = {
  'fetch-retries': 2,
  'fetch-retry-mintimeout': 1000,
  'fetch-retry-maxtimeout': 4000,
  'fetch-timeout': 30000,
};

export interface NpmConfigOptions {
  /** Folder whose project `.npmrc` applies (walked up like npm does); defaults to `process.cwd()`. */
  cwd?: string;
  /** Environment (`npm_config_*`, `HOME`, proxies); defaults to `process.env`. Never modified. */
  env?: NodeJS.ProcessEnv;
  /** A registry URL that overrides every configured default registry (`--registry`). */
  registry?: string;
  /**
   * Where npm's own built-in `npmrc` would be (`<npmPath>/npmrc`). The engine does not use the
   * npm CLI, so the default is this package's folder, which has no such file.
   */
  npmPath?: string;
}

/**
 * Loads npm configuration the way npm does (with `@npmcli/config` and npm's own definitions):
 * project, user (`userconfig`, e.g. `npm_config_userconfig`) and global `.npmrc` files and
 * `npm_config_*` environment variables, including `@scope:registry`, `//host/:_authToken`,
 * proxy, CA and strict-ssl settings. Returns the flat options object pacote, arborist and
 * npm-registry-fetch take, with `ENGINE_FETCH_DEFAULTS` for the fetch keys no layer sets.
 * No npm process is spawned.
 */
export async function loadNpmConfig(options: NpmConfigOptions = {}): Promise<NpmOptions> {
  const { Config, defs } = loadConfigLib();
  const argv = [
    process.execPath,
    'edict-plugins',
    ...(options.registry ? ['--registry', options.registry] : []),
  ];
  const config = new Config({
    definitions: defs.definitions,
    flatten: defs.flatten,
    shorthands: defs.shorthands,
    nerfDarts: defs.nerfDarts,
    npmPath: options.npmPath ?? join(__dirname, '..', '..'),
    // @npmcli/config writes npm_config_* back into the env object it is given: hand it a copy.
    env: { ...(options.env ?? process.env) },
    argv,
    cwd: options.cwd ?? process.cwd(),
    execPath: process.execPath,
    platform: process.platform,
    warn: false,
  });
  try {
    await config.load();
  } catch (err) {
    throw pluginError(
      PluginErrorCodes.NPM_CONFIG,
      `Could not load npm configuration: ${(err as Error).message}`,
      {
        hint: 'npm config list',
        cause: err,
      },
    );
  }
  applyFetchDefaults(config);
  return { ...config.flat };
}

/**
 * Sets `ENGINE_FETCH_DEFAULTS` in the default layer for each key no other layer sets. A retry
 * wait bound the user set keeps its partner default on its side (promise-retry rejects a minimum
 * above the maximum).
 */
function applyFetchDefaults(config: NpmConfigInstance): void {
  const defaulted = new Set<string>();
  for (const [key, value] of Object.entries(ENGINE_FETCH_DEFAULTS)) {
    if (config.find(key) !== 'default') continue;
    config.set(key, value, 'default');
    defaulted.add(key);
  }
  const min = Number(config.get('fetch-retry-mintimeout'));
  const max = Number(config.get('fetch-retry-maxtimeout'));
  if (!(min > max)) return;
  if (defaulted.has('fetch-retry-maxtimeout')) config.set('fetch-retry-maxtimeout', min, 'default');
  else if (defaulted.has('fetch-retry-mintimeout')) config.set('fetch-retry-mintimeout', max, 'default');
}
