import { EdictError, usageError } from '@edict/core';

/** Stable error codes raised by the plugin engine. */
export const PluginErrorCodes = {
  /** The spec cannot be parsed (usage error). */
  SPEC_INVALID: 'EDICT_PLUGIN_SPEC_INVALID',
  /** The registry has no such package or version, or the folder/tarball does not exist. */
  PACKAGE_NOT_FOUND: 'EDICT_PACKAGE_NOT_FOUND',
  /** The network, registry or tarball failed (other than "not found"). */
  FETCH_FAILED: 'EDICT_PLUGIN_FETCH_FAILED',
  /** The downloaded tarball does not match its recorded integrity. */
  INTEGRITY: 'EDICT_PLUGIN_INTEGRITY',
  /** The package has no `edict` field. */
  NOT_A_PLUGIN: 'EDICT_NOT_A_PLUGIN',
  /** The package is the host CLI itself or a framework package. */
  REFUSED: 'EDICT_PLUGIN_REFUSED',
  /** Peer ranges or engines exclude the host, the framework or Node. */
  INCOMPATIBLE: 'EDICT_PLUGIN_INCOMPATIBLE',
  /** Validation found errors (definitions, handler files, collisions). */
  INVALID: 'EDICT_PLUGIN_INVALID',
  /** A plugin hook threw. */
  HOOK_FAILED: 'EDICT_PLUGIN_HOOK_FAILED',
  /** No installed plugin by that name. */
  NOT_FOUND: 'EDICT_PLUGIN_NOT_FOUND',
  /** Another plugin operation holds the lock. */
  LOCKED: 'EDICT_PLUGINS_LOCKED',
  /** The plugins folder's lock cannot be created, read or removed (permissions, read-only disk…). */
  FS: 'EDICT_PLUGINS_FS',
  /** `plugins.json` cannot be read. */
  RECORD_CORRUPT: 'EDICT_PLUGINS_RECORD_CORRUPT',
  /** npm configuration could not be loaded. */
  NPM_CONFIG: 'EDICT_NPM_CONFIG',
} as const;

export { EdictError, usageError };

/** Shorthand for a runtime-failure EdictError. */
export function pluginError(
  code: string,
  message: string,
  options: { hint?: string; details?: Record<string, unknown>; cause?: unknown } = {},
): EdictError {
  return new EdictError(code, message, options);
}

/** The message of anything thrown. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The `code` of anything thrown, if it has one. */
export function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
