import { pluginError, PluginErrorCodes } from '../errors';
import { childLoaderConfig } from '../runner/childLoaderConfig';
import { runPluginCodeAsync } from '../runner/runPluginCode';
import { codeTimeoutMs } from '../runner/timeouts';
import type { HookName, PluginHost } from '../types';

/** What a hook receives (as JSON; it runs in a child process). */
export interface HookContext {
  hook: HookName;
  plugin: { name: string; version: string; root: string };
  host: { name: string; version: string };
  pluginsDir: string;
}

/** Output of a hook that ran. */
export interface HookRun {
  hook: HookName;
  plugin: string;
  stdout: string;
  stderr: string;
}

/** One hook to run: the plugin it belongs to and the absolute path of its module. */
export interface HookCall {
  hook: HookName;
  file: string;
  plugin: { name: string; version: string; root: string };
  host: PluginHost;
  pluginsDir: string;
}

/**
 * Runs a plugin's `postInstall` or `preUninstall` hook in a child process (the plugin root as
 * working directory, the module loader on), killed with everything it started after the hook
 * timeout. The caller decides whether the user consented. A failing hook raises
 * EDICT_PLUGIN_HOOK_FAILED with its message.
 */
export async function runHook(call: HookCall): Promise<HookRun> {
  const { hook, file, plugin, host } = call;
  const context: HookContext = {
    hook,
    plugin,
    host: { name: host.name, version: host.version },
    pluginsDir: call.pluginsDir,
  };
  const loader = childLoaderConfig(host, plugin.root, file);
  const r = await runPluginCodeAsync({
    mode: 'hook',
    file,
    hook,
    context,
    cwd: plugin.root,
    timeoutMs: codeTimeoutMs('hook'),
    ...(loader ? { loader } : {}),
  });
  if (!r.ok) {
    throw pluginError(
      PluginErrorCodes.HOOK_FAILED,
      `The ${hook} hook of ${plugin.name}@${plugin.version} failed: ${r.message ?? 'unknown error'}.`,
      {
        hint:
          `Report it to the plugin's author; ${host.name}` +
          ` plugins info ${plugin.name}` +
          ` shows where it lives.`,
        details: { plugin: plugin.name, hook, file, stderr: r.stderr },
      },
    );
  }
  return { hook, plugin: plugin.name, stdout: r.stdout, stderr: r.stderr };
}

/**
 * True when the script policy lets this plugin's own hooks run (`--allow-scripts`, or the allow list names
 * it).
 */
export function hooksAllowed(policy: boolean | readonly string[], name: string): boolean {
  if (policy === true) return true;
  if (policy === false) return false;
  return policy.some((entry) => entry === name || entry.startsWith(`${name}@`));
}
