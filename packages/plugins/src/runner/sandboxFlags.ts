/**
 * Node flags that run plugin code with the permission model on: every file may be read (module
 * resolution reaches the host's packages), none written, no child process spawned, no native
 * addon loaded. Used for the one plugin code that runs without the user's consent: reading the
 * commands of a plugin that ships no manifest. Workers are allowed only for the ESM hooks thread
 * of Node 20's `module.register`; they inherit the same permissions.
 */
export function sandboxFlags(esm: boolean): string[] {
  const flags = process.allowedNodeEnvironmentFlags;
  const on = flags.has('--permission') ? '--permission' : '--experimental-permission';
  return [
    on,
    '--allow-fs-read=*',
    ...(esm ? ['--allow-worker'] : []),
    '--disable-warning=ExperimentalWarning',
    '--disable-warning=SecurityWarning',
  ];
}

/**
 * The environment of a sandboxed child: nothing of the user's (npm tokens, registry settings,
 * credentials in variables), only what Node and the module loader's switches need.
 */
export function sandboxEnv(env: NodeJS.ProcessEnv, envPrefix?: string): NodeJS.ProcessEnv {
  const keep = (key: string): boolean =>
    ['PATH', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'SYSTEMROOT'].includes(key) ||
    key.startsWith('EDICT_MODULE_LOADER') ||
    (envPrefix !== undefined && key === `${envPrefix}_MODULE_LOADER`);
  return Object.fromEntries(Object.entries(env).filter(([key]) => keep(key)));
}
