/** Trace events: one per redirected request, printed to stderr or handed to a callback. */

/** One redirected request. */
export interface ModuleLoaderTraceEvent {
  /** The request as written by the plugin (`@edict/core/lib/errors`). */
  request: string;
  /** The file that made the request. */
  from: string;
  /** What it resolved to: a file path, or a URL for ESM results that are not files. */
  resolved: string;
  /**
   * `require` for require/require.resolve/createRequire, `import` for static/dynamic import and
   * import.meta.resolve.
   */
  kind: 'require' | 'import';
  /** True when the host could not resolve it and the plugin's own resolution was used. */
  fallback: boolean;
}

/** Where trace events go. */
export type ModuleLoaderTrace = (event: ModuleLoaderTraceEvent) => void;

/** The one-line stderr form of an event. */
export function formatTraceEvent(event: ModuleLoaderTraceEvent): string {
  const note = event.fallback ? ' (not found in host; resolved from plugin)' : '';
  return (
    `[edict module-loader] ${event.kind}` +
    ` '${event.request}' from ${event.from}` +
    ` -> ${event.resolved}${note}` +
    `\n`
  );
}

/** The default trace sink: stderr, one line per event. */
export function traceToStderr(event: ModuleLoaderTraceEvent): void {
  process.stderr.write(formatTraceEvent(event));
}
