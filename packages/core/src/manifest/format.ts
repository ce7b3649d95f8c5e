import { resolve } from 'node:path';
import type { CommandNode } from '../definitions/types';
import type { ProfileTypeDefinition } from '../profiles/types';

/** The manifest's file name at the plugin root, unless package.json `edict.manifest` names another path. */
export const MANIFEST_FILE = 'edict.manifest.json';

/** The manifest format this framework writes and reads. */
export const MANIFEST_VERSION = 1;

/**
 * A plugin's command tree as data, generated at build or pack time by `edict-manifest`. The
 * plugin manager reads only this file at install, validation and index rebuilds, so no plugin
 * code runs before one of its commands does.
 */
export interface PluginManifest {
  /** The format version, {@link MANIFEST_VERSION}. */
  edictManifest: 1;
  /** The package's name, as in its package.json. */
  name: string;
  /** The package's version, as in its package.json. */
  version: string;
  /**
   * The command nodes the definitions module exports; each `handler` is a path relative to the plugin root.
   */
  commands: CommandNode[];
  /** The profile types the definitions module exports as `profileTypes` (see docs/profiles.md). */
  profileTypes?: ProfileTypeDefinition[];
}

/**
 * The absolute path of a plugin's manifest: package.json `edict.manifest` (relative to `root`)
 * when it is a string, else `root/edict.manifest.json`.
 * @param root The plugin's folder.
 * @param edictField The `edict` field of the plugin's package.json, as read (any value).
 */
export function manifestPathOf(root: string, edictField: unknown): string {
  const custom =
    typeof edictField === 'object' && edictField !== null
      ? (edictField as { manifest?: unknown }).manifest
      : undefined;
  return resolve(root, typeof custom === 'string' && custom !== '' ? custom : MANIFEST_FILE);
}
