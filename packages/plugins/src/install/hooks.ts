import { pluginError, PluginErrorCodes } from '../errors';
import { childLoaderConfig } from '../runner/childLoaderConfig';
import { runPluginCode } from '../runner/runPluginCode';
import type { HookName, PluginHost } from '../types';
import { parseEdictField, readPackageJson } from '../validate/pluginManifest';
import { resolve } from 'node:path';

/** What a hook receives (as JSON; it runs in a child process). */
export interface HookContext {
  hook: HookName;
  plugin: { name: string; version: string; root: string };
  host: { name: string; version: string };
  pluginsDir: string;
}

/** Output of a hook that ran; undefined when the plugin declares no such hook. */
export interface HookRun {
  hook: HookName;
  plugin: string;
  stdout: string;
  stderr: string;
}

/**
 * Runs a plugin's hook (if it declares one) in a child process with the plugin root as working
 * directory. A hook that throws raises EDICT_PLUGIN_HOOK_FAILED with its message.
 */
export function runHook(root: string, hook: HookName, host: PluginHost, pluginsDir: string): HookRun | undefined {
  const pkg = readPackageJson(root);
  const file = parseEdictField(pkg.edict).field?.hooks[hook];
  if (!file) return undefined;
  const name = pkg.name ?? root;
  const context: HookContext = { hook, plugin: { name, version: pkg.version ?? '', root }, host: { name: host.name, version: host.version }, pluginsDir };
  const loader = childLoaderConfig(host, root, resolve(root, file));
  const r = runPluginCode({ mode: 'hook', file: resolve(root, file), hook, context, cwd: root, ...(loader ? { loader } : {}) });
  if (!r.ok) {
    throw pluginError(PluginErrorCodes.HOOK_FAILED, `The ${hook} hook of ${name}@${pkg.version ?? '?'} failed: ${r.message ?? 'unknown error'}`, {
      hint: `${host.name} plugins validate ${root}`,
      details: { plugin: name, hook, file: resolve(root, file), stderr: r.stderr },
    });
  }
  return { hook, plugin: name, stdout: r.stdout, stderr: r.stderr };
}
