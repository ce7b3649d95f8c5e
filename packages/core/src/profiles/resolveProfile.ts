import { EdictError } from '../errors/EdictError';
import type { ConfigLayer } from './configTypes';
import { cliNameOfFile, listProfiles, profileAt, profileChain } from './profilePaths';
import { checkPropertyValue } from './checkPropertyValue';
import type { ProfileTypeDefinition } from './types';

/** One resolved property: its value (undefined for a secure one not loaded yet) and where it came from. */
export interface ResolvedProperty {
  value: unknown;
  /** The config file that gave it (for a secure one: the file whose profile lists it in `secure`). */
  file: string;
  /** The profile that gave it: the one asked for, a parent, or the base profile. */
  profile: string;
  secure: boolean;
}

/** A profile with its properties merged over files, parents and the base profile. */
export interface ResolvedProfile {
  name: string;
  type: string;
  properties: Record<string, ResolvedProperty>;
}

function defaultName(layers: readonly ConfigLayer[], type: string): string | undefined {
  return layers.map((l) => l.data.defaults?.[type]).find((n) => n !== undefined);
}

function notFound(layers: readonly ConfigLayer[], type: string, name: string, why: string): EdictError {
  const cli = cliNameOfFile(layers[0]?.path ?? 'cli');
  const ofType = listProfiles(layers).filter((p) => p.type === type);
  const names = ofType.map((p) => p.name);
  const known = names.length > 0 ? ` The ${type} profiles are: ${names.join(', ')}.` : '';
  return new EdictError('EDICT_PROFILE_NOT_FOUND', `${why}.${known}`, {
    hint:
      names.length > 0
        ? `Name one with --${type}-profile ${names[0]}`
        : `${cli} config set profiles.${name}.type ${type}`,
    details: {
      type,
      profile: name,
      profiles: names,
      files: layers.filter((l) => l.exists).map((l) => l.path),
    },
  });
}

// Collects the properties of one profile (and its parents) over the layers, nearest and highest first.
function collect(
  layers: readonly ConfigLayer[],
  name: string,
  into: Record<string, ResolvedProperty>,
  wanted: (property: string) => boolean,
  declaredSecure: (property: string) => boolean,
): void {
  for (const path of profileChain(name))
    for (const layer of layers) {
      const profile = profileAt(layer, path);
      if (profile === undefined) continue;
      for (const property of profile.secure ?? [])
        if (wanted(property) && !Object.hasOwn(into, property))
          into[property] = { value: undefined, file: layer.path, profile: path, secure: true };
      for (const [property, value] of Object.entries(profile.properties ?? {}))
        if (wanted(property) && !Object.hasOwn(into, property))
          into[property] = { value, file: layer.path, profile: path, secure: declaredSecure(property) };
    }
}

/**
 * Resolves a profile of a type: the one named, else the default of that type (`defaults[type]`,
 * highest file first); undefined when no name is given and no default exists. Each property
 * comes from the first of: the profile itself, its parents (nearest first), then the default
 * `base` profile (when a `base` type exists; only properties both types declare); at each step
 * the files are tried highest first. Secure properties are listed with an undefined value.
 * Throws EDICT_PROFILE_NOT_FOUND for an unknown name, EDICT_CONFIG_INVALID for a value of the
 * wrong JSON type (naming file, profile and property).
 */
export function resolveProfile(
  layers: readonly ConfigLayer[],
  types: readonly ProfileTypeDefinition[],
  type: string,
  name?: string,
): ResolvedProfile | undefined {
  const chosen = name ?? defaultName(layers, type);
  if (chosen === undefined) return undefined;
  const found = layers.map((l) => profileAt(l, chosen)).filter((p) => p !== undefined);
  if (found.length === 0)
    throw notFound(layers, type, chosen, `No profile named "${chosen}" is in the config files`);
  const actual = found.map((p) => p.type).find((t) => t !== undefined);
  if (actual !== type)
    throw notFound(
      layers,
      type,
      chosen,
      `Profile "${chosen}" is ${actual === undefined ? 'untyped' : `of type ${actual}`}, not ${type}`,
    );
  const definition = types.find((t) => t.type === type);
  const declared = (property: string): boolean =>
    definition === undefined || Object.hasOwn(definition.properties, property);
  const declaredSecure = (property: string): boolean => definition?.properties[property]?.secure === true;
  const properties: Record<string, ResolvedProperty> = {};
  collect(layers, chosen, properties, declared, declaredSecure);
  const base = types.find((t) => t.type === 'base');
  const baseName = base !== undefined && type !== 'base' ? defaultName(layers, 'base') : undefined;
  if (base !== undefined && baseName !== undefined) {
    if (!layers.some((l) => profileAt(l, baseName) !== undefined))
      throw notFound(layers, 'base', baseName, `The default base profile "${baseName}" is in no config file`);
    const shared = (p: string): boolean => declared(p) && Object.hasOwn(base.properties, p);
    collect(layers, baseName, properties, shared, declaredSecure);
  }
  for (const [property, resolved] of Object.entries(properties)) {
    const definitionOf = definition?.properties[property] ?? base?.properties[property];
    if (definitionOf !== undefined && resolved.value !== undefined)
      checkPropertyValue(definitionOf, resolved.value, { ...resolved, property });
  }
  return { name: chosen, type, properties };
}
