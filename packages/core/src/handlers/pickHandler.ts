import type { CommandHandler } from '../api/context';

/**
 * Picks the handler out of a loaded module: its `handler` export, else its default, else the
 * module itself if a function.
 */
export function pickHandler(mod: unknown): CommandHandler | undefined {
  if (typeof mod === 'function') return mod as CommandHandler;
  if (typeof mod !== 'object' || mod === null) return undefined;
  const m = mod as { handler?: unknown; default?: unknown };
  if (typeof m.handler === 'function') return m.handler as CommandHandler;
  if (typeof m.default === 'function') return m.default as CommandHandler;
  // `import()` of a CommonJS module puts `module.exports` under `default`.
  if (
    typeof m.default === 'object' &&
    m.default !== null &&
    typeof (m.default as { handler?: unknown }).handler === 'function'
  ) {
    return (m.default as { handler: CommandHandler }).handler;
  }
  return undefined;
}
