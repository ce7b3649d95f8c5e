import type { ConfigLayer } from '../../profiles/configTypes';
import { listProfiles, profileAt } from '../../profiles/profilePaths';
import type { ProfileTypeDefinition } from '../../profiles/types';

/** One property in the merged view; a secure one never carries its value. */
export interface ListedProperty {
  value?: unknown;
  secure: boolean;
  /** The config file the value (or, for a secure one, its `secure` entry) comes from. */
  file: string;
}

/** One profile in the merged view of the config files. */
export interface ListedProfile {
  name: string;
  type?: string;
  /** Whether it is the default profile of its type. */
  default: boolean;
  /** The highest file defining it. */
  file: string;
  properties: Record<string, ListedProperty>;
}

/** The merged view `config list` shows: existing files, profiles, and the default of each type. */
export interface TeamListing {
  files: string[];
  profiles: ListedProfile[];
  defaults: Record<string, { profile: string; file: string }>;
}

/**
 * Merges the layers per profile and per property (highest file first), as profiles resolve,
 * without parents or base: what each file says, and where it says it.
 */
export function teamListing(
  layers: readonly ConfigLayer[],
  types: readonly ProfileTypeDefinition[],
): TeamListing {
  const defaults: TeamListing['defaults'] = {};
  for (const layer of layers)
    for (const [type, profile] of Object.entries(layer.data.defaults ?? {}))
      if (!Object.hasOwn(defaults, type)) defaults[type] = { profile, file: layer.path };
  const profiles = listProfiles(layers).map((listed): ListedProfile => {
    const definition = types.find((t) => t.type === listed.type);
    const properties: Record<string, ListedProperty> = {};
    for (const layer of layers) {
      const profile = profileAt(layer, listed.name);
      for (const name of profile?.secure ?? [])
        if (!Object.hasOwn(properties, name)) properties[name] = { secure: true, file: layer.path };
      for (const [name, value] of Object.entries(profile?.properties ?? {})) {
        if (Object.hasOwn(properties, name)) continue;
        const secure = definition?.properties[name]?.secure === true;
        properties[name] = { ...(secure ? {} : { value }), secure, file: layer.path };
      }
    }
    const isDefault = listed.type !== undefined && defaults[listed.type]?.profile === listed.name;
    return { ...listed, default: isDefault, properties };
  });
  return { files: layers.filter((l) => l.exists).map((l) => l.path), profiles, defaults };
}

/** The text lines of a listing; `locations` adds the file each value comes from. */
export function teamListingLines(listing: TeamListing, locations: boolean): string[] {
  const at = (file: string): string => (locations ? `  [${file}]` : '');
  const lines: string[] = [];
  if (listing.profiles.length > 0) lines.push('Profiles:');
  for (const p of listing.profiles) {
    const facts = [p.type ?? 'no type', ...(p.default ? ['default'] : [])].join(', ');
    lines.push(`  ${p.name} (${facts})${at(p.file)}`);
    for (const [name, v] of Object.entries(p.properties).sort(([a], [b]) => a.localeCompare(b)))
      lines.push(`    ${name} = ${v.secure ? '(secure)' : JSON.stringify(v.value)}${at(v.file)}`);
  }
  const types = Object.keys(listing.defaults).sort();
  if (types.length > 0) lines.push('Defaults:');
  for (const type of types) {
    const d = listing.defaults[type] as { profile: string; file: string };
    lines.push(`  ${type} = ${d.profile}${at(d.file)}`);
  }
  return lines;
}
