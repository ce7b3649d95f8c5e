/**
 * A function export whose module is required on first call, so that importing `@edict/core`
 * (every host and plugin does) loads none of the modules only some runs need.
 * @param load Requires the module (a `require` call, so bundlers and Node find it).
 * @param name The function's export name.
 */
export function lazy<M, K extends keyof M>(load: () => M, name: K): M[K] {
  const call = (...args: unknown[]): unknown => (load()[name] as (...a: unknown[]) => unknown)(...args);
  return call as M[K];
}
