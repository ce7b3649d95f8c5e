import type { OptionDefinition } from '../definitions/types';
import { kebabCase } from '../host/names';
import { envVarName, type ProfileValue } from '../parsing/layerOptions';
import type { ConfigLayer } from './configTypes';
import { resolveProfile, type ResolvedProfile } from './resolveProfile';
import type { ProfileTypeDefinition } from './types';

/** The profiles a command uses, by type, and which option each property fills. */
export interface CommandProfiles {
  /** The resolved profile of each used type that has one. */
  byType: Map<string, ResolvedProfile>;
  /** Option name → the profile property that fills it (first type wins). */
  fills: Map<string, { type: string; property: string }>;
  /** Options that hold secure values (by the type definitions or a profile's `secure` list). */
  secure: Set<string>;
}

/** The option a property fills: its `option`, else the property name in kebab-case. */
export function optionOfProperty(definition: ProfileTypeDefinition | undefined, property: string): string {
  return definition?.properties[property]?.option ?? kebabCase(property);
}

/** Resolves the profile of each type (named by `--<type>-profile` or its env var, else the default). */
export function commandProfiles(input: {
  layers: readonly ConfigLayer[];
  types: readonly ProfileTypeDefinition[];
  used: readonly string[];
  options: readonly OptionDefinition[];
  flags: Record<string, unknown>;
  env: Record<string, string | undefined>;
  envPrefix: string;
}): CommandProfiles {
  const byName = new Map(input.options.map((o) => [o.name, o]));
  const byType = new Map<string, ResolvedProfile>();
  const fills = new Map<string, { type: string; property: string }>();
  const secure = new Set<string>();
  for (const type of input.used) {
    const picker = byName.get(`${type}-profile`);
    const flag = input.flags[`${type}-profile`];
    const envName = picker === undefined ? undefined : envVarName(picker, input.envPrefix);
    const fromEnv = envName === undefined ? undefined : input.env[envName];
    const name = flag !== undefined ? String(flag) : fromEnv !== '' ? fromEnv : undefined;
    const definition = input.types.find((t) => t.type === type);
    const resolved = resolveProfile(input.layers, input.types, type, name);
    if (resolved !== undefined) byType.set(type, resolved);
    const properties = new Set([
      ...Object.keys(definition?.properties ?? {}),
      ...Object.keys(resolved?.properties ?? {}),
    ]);
    for (const property of properties) {
      const option = optionOfProperty(definition, property);
      if (!byName.has(option) || fills.has(option)) continue;
      fills.set(option, { type, property });
      if (definition?.properties[property]?.secure || resolved?.properties[property]?.secure)
        secure.add(option);
    }
  }
  return { byType, fills, secure };
}

/** The layering hook: the value a profile gives an option, once secure values are loaded. */
export function profileLayer(
  profiles: CommandProfiles,
): (option: OptionDefinition) => ProfileValue | undefined {
  return (option) => {
    const fill = profiles.fills.get(option.name);
    if (fill === undefined) return undefined;
    const resolved = profiles.byType.get(fill.type)?.properties[fill.property];
    if (resolved === undefined || resolved.value === undefined) return undefined;
    return { ...resolved, property: fill.property };
  };
}
