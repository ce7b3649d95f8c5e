import type { TeamConfigData } from '../../profiles/configTypes';
import type { ProfilePropertyDefinition, ProfileTypeDefinition } from '../../profiles/types';

/**
 * The value a new profile starts with: the declared default, else the first allowed one; else
 * none (an empty string would count as a value given, and hide that the property is unset).
 */
export function skeletonValue(definition: ProfilePropertyDefinition): unknown {
  return definition.default ?? definition.enum?.[0];
}

/**
 * The content `config init` writes: one profile per type, named after it, holding each
 * non-secure property that has a default (secure ones are only named in `secure`), and that
 * profile as the default of its type. A `.user.json` file starts with the profiles and types
 * only: its values would override the shared file's.
 */
export function configSkeleton(
  cliName: string,
  types: readonly ProfileTypeDefinition[],
  user: boolean,
): TeamConfigData {
  const profiles: NonNullable<TeamConfigData['profiles']> = {};
  for (const t of types) {
    const entries = Object.entries(t.properties);
    const secure = entries.filter(([, p]) => p.secure).map(([name]) => name);
    profiles[t.type] = {
      type: t.type,
      properties: user
        ? {}
        : Object.fromEntries(
            entries
              .filter(([, p]) => !p.secure && skeletonValue(p) !== undefined)
              .map(([n, p]) => [n, skeletonValue(p)]),
          ),
      ...(secure.length > 0 && !user ? { secure } : {}),
    };
  }
  return {
    $schema: `./${cliName}.schema.json`,
    profiles,
    ...(user ? {} : { defaults: Object.fromEntries(types.map((t) => [t.type, t.type])) }),
  };
}
