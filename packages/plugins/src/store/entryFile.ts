import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandNode, ProfileTypeDefinition } from '@edict/core';
import type { HookName, PluginRecord } from '../types';
import { writeJsonAtomic } from './atomicWrite';
import { ENTRY_FILE } from './paths';

/** Where a plugin's command tree was read from at install. */
export type DefinitionsSource = 'manifest' | 'json' | 'generated';

/**
 * What the engine wrote about one installed version, in its folder, before the commit: the
 * command tree (handler paths relative to the package root), its profile types, hook paths,
 * module type, and the record that names the folder. Index rebuilds and repairs read this file,
 * never plugin code.
 */
export interface InstalledEntry {
  entryVersion: 1;
  name: string;
  version: string;
  moduleType: 'commonjs' | 'module';
  source: DefinitionsSource;
  commands: CommandNode[];
  /** The profile types it declares (absent when none, and in entry files written before them). */
  profileTypes?: ProfileTypeDefinition[];
  hooks: Partial<Record<HookName, string>>;
  record: PluginRecord;
}

/** Writes the entry file of a version folder (still in staging). */
export function writeEntryFile(folder: string, entry: InstalledEntry): void {
  writeJsonAtomic(join(folder, ENTRY_FILE), entry);
}

/** The entry file of a version folder, or why it cannot be used. */
export function readEntryFile(folder: string): { entry?: InstalledEntry; problem?: string } {
  const path = join(folder, ENTRY_FILE);
  let parsed: Partial<InstalledEntry>;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<InstalledEntry>;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      problem:
        code === 'ENOENT' ? `${path} does not exist` : `${path} cannot be read: ${(err as Error).message}`,
    };
  }
  const ok =
    parsed?.entryVersion === 1 &&
    typeof parsed.name === 'string' &&
    typeof parsed.version === 'string' &&
    Array.isArray(parsed.commands) &&
    (parsed.profileTypes === undefined || Array.isArray(parsed.profileTypes)) &&
    typeof parsed.hooks === 'object' &&
    parsed.hooks !== null &&
    typeof parsed.record === 'object' &&
    parsed.record !== null;
  return ok
    ? { entry: parsed as InstalledEntry }
    : { problem: `${path} is not an entry file this version understands` };
}
