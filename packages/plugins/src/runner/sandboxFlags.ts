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
