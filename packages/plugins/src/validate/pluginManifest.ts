import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HookName } from '../types';
import { HOOK_NAMES } from '../types';

/** The default place of a plugin's command manifest, relative to its root. */
export const DEFAULT_MANIFEST = 'edict.manifest.json';

/** The `edict` field of a plugin's package.json. */
export interface EdictField {
  /** The definitions module (or .json file) the manifest is generated from. */
  commands?: string;
  /** The command manifest, relative to the root (default `edict.manifest.json`). */
  manifest: string;
  hooks: Partial<Record<HookName, string>>;
}

/** The package.json fields the engine reads. */
export interface PluginPackageJson {
  name?: string;
  version?: string;
  type?: string;
  edict?: unknown;
  keywords?: unknown;
  files?: unknown;
  peerDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
  engines?: Record<string, string>;
}

export function readPackageJson(root: string): PluginPackageJson {
  const value = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as unknown;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('package.json is not a JSON object');
  return value as PluginPackageJson;
}

const isPath = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** Checks the shape of the `edict` field; returns the field or the problems found. */
export function parseEdictField(edict: unknown): { field?: EdictField; problems: string[] } {
  if (edict === undefined) return { problems: ['package.json has no "edict" field'] };
  if (typeof edict !== 'object' || edict === null || Array.isArray(edict))
    return { problems: ['"edict" must be an object'] };
  const raw = edict as { commands?: unknown; manifest?: unknown; hooks?: unknown };
  const problems: string[] = [];
  if (raw.commands !== undefined && !isPath(raw.commands))
    problems.push('"edict.commands" must be a path to the definitions file');
  if (raw.manifest !== undefined && !isPath(raw.manifest))
    problems.push('"edict.manifest" must be a path to the command manifest');
  const hooks: Partial<Record<HookName, string>> = {};
  if (raw.hooks !== undefined) {
    if (typeof raw.hooks !== 'object' || raw.hooks === null) problems.push('"edict.hooks" must be an object');
    else {
      for (const [key, value] of Object.entries(raw.hooks)) {
        if (!(HOOK_NAMES as readonly string[]).includes(key))
          problems.push(`unknown hook "${key}" (known: ${HOOK_NAMES.join(', ')})`);
        else if (!isPath(value)) problems.push(`"edict.hooks.${key}" must be a path`);
        else hooks[key as HookName] = value;
      }
    }
  }
  if (problems.length > 0) return { problems };
  return {
    field: {
      ...(isPath(raw.commands) ? { commands: raw.commands } : {}),
      manifest: isPath(raw.manifest) ? raw.manifest : DEFAULT_MANIFEST,
      hooks,
    },
    problems,
  };
}
