import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HookName } from '../types';
import { HOOK_NAMES } from '../types';

/** The `edict` field of a plugin's package.json. */
export interface EdictField {
  commands: string;
  hooks: Partial<Record<HookName, string>>;
}

/** The package.json fields the engine reads. */
export interface PluginPackageJson {
  name?: string;
  version?: string;
  type?: string;
  edict?: unknown;
  keywords?: unknown;
  peerDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
  engines?: Record<string, string>;
}

export function readPackageJson(root: string): PluginPackageJson {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PluginPackageJson;
}

/** Checks the shape of the `edict` field; returns the field or the problems found. */
export function parseEdictField(edict: unknown): { field?: EdictField; problems: string[] } {
  if (edict === undefined) return { problems: ['package.json has no "edict" field'] };
  if (typeof edict !== 'object' || edict === null || Array.isArray(edict)) return { problems: ['"edict" must be an object'] };
  const raw = edict as { commands?: unknown; hooks?: unknown };
  const problems: string[] = [];
  if (typeof raw.commands !== 'string' || raw.commands === '') problems.push('"edict.commands" must be a path to the definitions file');
  const hooks: Partial<Record<HookName, string>> = {};
  if (raw.hooks !== undefined) {
    if (typeof raw.hooks !== 'object' || raw.hooks === null) problems.push('"edict.hooks" must be an object');
    else {
      for (const [key, value] of Object.entries(raw.hooks)) {
        if (!(HOOK_NAMES as readonly string[]).includes(key)) problems.push(`unknown hook "${key}" (known: ${HOOK_NAMES.join(', ')})`);
        else if (typeof value !== 'string') problems.push(`"edict.hooks.${key}" must be a path`);
        else hooks[key as HookName] = value;
      }
    }
  }
  if (problems.length > 0) return { problems };
  return { field: { commands: raw.commands as string, hooks }, problems };
}
