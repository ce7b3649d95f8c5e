import type { CommandContext, Progress } from '@edict/core';
import { compileCacheDir, enableCompileCache } from '../compileCache';
import { loadNpmConfig } from '../npm/config';
import { pluginHostOf, pluginsDirOf } from '../runtime/pluginHost';
import type { EngineOptions } from '../types';

/** Engine options for a `plugins …` handler, plus the progress display to stop when done. */
export interface EngineContext {
  options: EngineOptions;
  progress: Progress;
}

/**
 * Builds the options every engine operation takes from a handler's context: the plugins folder,
 * the host, npm configuration (only when the command talks to a registry) and a spinner on a TTY.
 * With a registry, npm's libraries load through the user's compile cache (`compileCacheDir`).
 */
export async function engineContext(
  ctx: CommandContext,
  label: string,
  withRegistry: boolean,
): Promise<EngineContext> {
  // Only registry commands load npm's libraries, the code the compile cache is for.
  const cacheDir = withRegistry ? compileCacheDir(ctx.host.env, ctx.host.envPrefix) : undefined;
  if (cacheDir) enableCompileCache(cacheDir);
  const progress = ctx.out.spinner(label);
  const registry = typeof ctx.args.registry === 'string' ? ctx.args.registry : undefined;
  const npmOptions = withRegistry
    ? await loadNpmConfig({ cwd: ctx.host.cwd, env: ctx.host.env, ...(registry ? { registry } : {}) })
    : undefined;
  return {
    progress,
    options: {
      pluginsDir: pluginsDirOf(ctx.host),
      host: pluginHostOf(ctx.host),
      ...(npmOptions ? { npmOptions } : {}),
      onProgress: (event) => progress.update(event.message),
    },
  };
}

/** Runs `fn` with the engine context and always clears the progress display. */
export async function withEngine<T>(
  ctx: CommandContext,
  label: string,
  withRegistry: boolean,
  fn: (e: EngineContext) => Promise<T>,
): Promise<T> {
  const engine = await engineContext(ctx, label, withRegistry);
  try {
    return await fn(engine);
  } finally {
    engine.progress.stop();
  }
}

/** The string values of a variadic positional. */
export function listArg(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return value === undefined || value === null || value === '' ? [] : [String(value)];
}
