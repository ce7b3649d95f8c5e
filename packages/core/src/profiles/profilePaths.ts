import type { ConfigLayer, ProfileData } from './configTypes';

/** The profile at a dotted name (`dev.greeter`) in one file's profiles, or undefined. */
export function profileAt(layer: ConfigLayer, name: string): ProfileData | undefined {
  let profiles = layer.data.profiles;
  let found: ProfileData | undefined;
  for (const segment of name.split('.')) {
    found = profiles !== undefined && Object.hasOwn(profiles, segment) ? profiles[segment] : undefined;
    if (found === undefined) return undefined;
    profiles = found.profiles;
  }
  return found;
}

/** `dev.greeter` → `['dev.greeter', 'dev']`: the profile, then each parent, nearest first. */
export function profileChain(name: string): string[] {
  const segments = name.split('.');
  return segments.map((_, i) => segments.slice(0, segments.length - i).join('.'));
}

/** The CLI name a config file belongs to (`/p/mycli.config.user.json` → `mycli`). */
export function cliNameOfFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.config(\.user)?\.json$/, '');
}

/** A profile listed once: its dotted name, type (first file giving one) and highest file defining it. */
export interface ProfileListing {
  name: string;
  type?: string;
  file: string;
}

/** Every profile of every layer, nested ones as `a.b`, each once, in the order first seen. */
export function listProfiles(layers: readonly ConfigLayer[]): ProfileListing[] {
  const byName = new Map<string, ProfileListing>();
  const walk = (profiles: Record<string, ProfileData> | undefined, prefix: string, file: string): void => {
    for (const [segment, profile] of Object.entries(profiles ?? {})) {
      const name = `${prefix}${segment}`;
      const seen = byName.get(name);
      if (seen === undefined)
        byName.set(name, { name, ...(profile.type === undefined ? {} : { type: profile.type }), file });
      else if (seen.type === undefined && profile.type !== undefined) seen.type = profile.type;
      walk(profile.profiles, `${name}.`, file);
    }
  };
  for (const layer of layers) walk(layer.data.profiles, '', layer.path);
  return [...byName.values()];
}

/**
 * The `config set` key of a profile property, as users type it: `profiles.dev.greeter.properties.token`
 * (the profile's dotted name between `profiles.` and `.properties.`).
 */
export function profileConfigKey(profile: string, property: string): string {
  return `profiles.${profile}.properties.${property}`;
}

/** The JSON path of a profile (or a member): `dev.greeter` → `['profiles', 'dev', 'profiles', 'greeter']`. */
export function profileJsonPath(profile: string, ...rest: (string | number)[]): (string | number)[] {
  return [...profile.split('.').flatMap((segment) => ['profiles', segment]), ...rest];
}
