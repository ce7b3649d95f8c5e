/** Environment switches of the module loader; `env` is passed in so callers decide where it comes from. */

type Env = Readonly<Record<string, string | undefined>>;

const OFF = new Set(['off', '0', 'false', 'no']);
const ON = new Set(['1', 'true', 'on', 'yes']);

/**
 * True when `<envPrefix>_MODULE_LOADER` or `EDICT_MODULE_LOADER` is `off`, `0`, `false` or `no`
 * (case-insensitive). `envPrefix` is the host's prefix, e.g. `MYCLI`.
 */
export function moduleLoaderDisabledByEnv(env: Env, envPrefix?: string): boolean {
  const names = envPrefix ? [`${envPrefix}_MODULE_LOADER`, 'EDICT_MODULE_LOADER'] : ['EDICT_MODULE_LOADER'];
  return names.some((name) => OFF.has((env[name] ?? '').trim().toLowerCase()));
}

/** True when `EDICT_MODULE_LOADER_TRACE` is `1`, `true`, `on` or `yes`. */
export function moduleLoaderTraceByEnv(env: Env): boolean {
  return ON.has((env.EDICT_MODULE_LOADER_TRACE ?? '').trim().toLowerCase());
}
