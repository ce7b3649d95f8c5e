import { schemaFileName, writeConfigSchema, type ProfileTypeDefinition } from '@edict/core';
import { join } from 'node:path';
import type { PluginHost, PluginIndex } from '../types';
import { usableProfileTypes } from '../validate/profileTypeClaims';

/** Every profile type in use: the host's own, then each plugin's in index order. */
export function allProfileTypes(host: PluginHost, index: PluginIndex): ProfileTypeDefinition[] {
  return [...(host.profileTypes ?? []), ...index.plugins.flatMap(usableProfileTypes)];
}

/**
 * Rewrites `<configDir>/<cli>.schema.json` from the host's and the installed plugins' profile
 * types. Like the index it is derived data: a failure is a warning for the caller to show, never
 * a failed operation. Nothing is written when the host gave no config folder.
 * @returns The warning, when the file could not be written.
 */
export function rewriteConfigSchema(host: PluginHost, index: PluginIndex): string | undefined {
  if (!host.configDir) return undefined;
  try {
    writeConfigSchema(host.configDir, host.name, allProfileTypes(host, index));
    return undefined;
  } catch (err) {
    const file = join(host.configDir, schemaFileName(host.name));
    return (
      `the config schema ${file} could not be written (${(err as Error).message}); editors may ` +
      `not know the plugins' profile types until \`${host.name} plugins doctor\` rewrites it`
    );
  }
}
