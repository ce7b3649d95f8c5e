/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * The program a child Node process runs to execute plugin code: load a definitions file, or call
 * a hook. Plugin code never runs inside the process that manages plugins, so a plugin cannot
 * corrupt it, and CJS and ESM modules load the same way (`import()`), uncached.
 *
 * This function is serialised with `toString()` and run with `node -e`, so it must not use
 * anything from the enclosing module. Input: one JSON object on stdin. Output: one JSON object
 * written to file descriptor 3 (stdout and stderr stay the plugin's own); for definitions its
 * `value` is `{ commands, profileTypes }` as the module exports them.
 */
export function childProgram(): void {
  const fs = require('node:fs') as typeof import('node:fs');
  const url = require('node:url') as typeof import('node:url');
  type Loader = {
    modulePath: string;
    hostRoot: string;
    injected: string[];
    pluginRoots: string[];
    envPrefix?: string;
    esm: boolean;
  };
  type Input = {
    mode: 'definitions' | 'hook';
    cwd?: string;
    file: string;
    hook?: string;
    context?: unknown;
    preload?: string[];
    loader?: Loader;
  };
  const send = (value: unknown): void => {
    fs.writeSync(3, JSON.stringify(value));
  };
  const fail = (err: unknown): void => {
    const e = err instanceof Error ? err : new Error(String(err));
    send({ ok: false, message: e.message, code: (e as { code?: unknown }).code, stack: e.stack });
    process.exitCode = 1;
  };
  const run = async (): Promise<void> => {
    const input = JSON.parse(fs.readFileSync(0, 'utf8')) as Input;
    // A child started ahead of time learns its working directory (the plugin root) with its input.
    if (input.cwd) process.chdir(input.cwd);
    for (const p of input.preload ?? []) require(p);
    if (input.loader) {
      // The plugin gets the host's injected packages here as it will when its commands run. A
      // CommonJS file imported with import() still resolves its own requires through the
      // CommonJS patch, so the (costly) ESM hooks are registered for ESM files only.
      const { modulePath, esm, ...options } = input.loader;
      const ml = require(modulePath) as typeof import('@edict/module-loader');
      const loader = ml.enableModuleLoader({ ...options, env: process.env });
      if (esm) loader.enableEsm();
    }
    if (input.mode === 'definitions' && input.file.endsWith('.json')) {
      const data = JSON.parse(fs.readFileSync(input.file, 'utf8')) as Record<string, unknown>;
      send({ ok: true, value: Array.isArray(data) ? { commands: data } : data });
      return;
    }
    const ns = (await import(url.pathToFileURL(input.file).href)) as Record<string, unknown>;
    const def = ns.default as Record<string, unknown> | undefined;
    if (input.mode === 'definitions') {
      const own = def && typeof def === 'object' && !Array.isArray(def) ? def : undefined;
      const commands = ns.commands ?? (own && 'commands' in own ? own.commands : def);
      send({ ok: true, value: { commands, profileTypes: ns.profileTypes ?? own?.profileTypes } });
      return;
    }
    const name = input.hook ?? '';
    const fn = ns[name] ?? (def && typeof def === 'object' ? def[name] : undefined) ?? def;
    if (typeof fn !== 'function')
      throw new Error(`${input.file} exports no function "${name}" (nor a default function)`);
    const result: unknown = await (fn as (ctx: unknown) => unknown)(input.context);
    send({ ok: true, value: result === undefined ? null : result });
  };
  run().catch(fail);
}
