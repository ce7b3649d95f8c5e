import type { Manifest } from '../heavy';
import { shellWord } from '@edict/core';
import { pluginError, PluginErrorCodes } from '../errors';
import { claimedNames } from '../validate/collisions';
import type { DetailedValidation } from '../validate/validatePlugin';
import type { ParsedSpec } from '../npm/spec';
import type { PipelineOptions } from './pipelineOptions';

/** The other plugins that own a command name or profile type this plugin declares. */
function rivals(v: DetailedValidation, taken: Taken): string[] {
  const defs = v.definitions;
  if (!defs) return [];
  const owners = [
    ...claimedNames(defs.commands).map((n) => taken.names.get(n)),
    ...defs.profileTypes.map((t) => taken.types.get(t.type)),
  ];
  return [...new Set(owners.filter((o): o is string => o !== undefined && o !== 'built-in'))];
}

/**
 * Throws `EDICT_PLUGIN_INVALID` listing a staged plugin's validation errors (with `force`, an
 * incompatibility does not count). When it collides with other plugins the hint uninstalls them.
 */
export function refuseInvalid(
  manifest: Manifest,
  v: DetailedValidation,
  opts: PipelineOptions,
  taken: Taken,
  spec: ParsedSpec,
): void {
  const errors = v.errors.filter((e) => !(opts.force && e.code === 'INCOMPATIBLE'));
  if (errors.length === 0) return;
  const cli = opts.host.name;
  const others = rivals(v, taken);
  const hint =
    others.length > 0
      ? `Uninstall the plugin it collides with first: ${cli} plugins uninstall ${others.join(' ')}`
      : spec.source === 'folder'
        ? `${cli} plugins validate ${shellWord(spec.fetchSpec.replace(/^file:/, ''))}`
        : `Ask the plugin's author for a fixed version; npm view ${manifest.name} versions lists the others.`;
  throw pluginError(
    PluginErrorCodes.INVALID,
    `${manifest.name}@${manifest.version} is not a valid ${cli} plugin: ` +
      `${errors.map((e) => e.message).join('; ')}.`,
    { hint, details: { name: manifest.name, version: manifest.version, errors } },
  );
}

/** Command names and profile types already owned (name → owner), as the batch grows. */
export interface Taken {
  names: Map<string, string>;
  types: Map<string, string>;
}
