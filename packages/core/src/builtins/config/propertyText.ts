import { EdictError } from '../../errors/EdictError';
import { profileConfigKey } from '../../profiles/profilePaths';
import type { ProfilePropertyDefinition } from '../../profiles/types';
import { parseConfigValue } from './configValue';

/**
 * A property value typed on the command line or at a prompt, read as its declared type: the
 * text itself for a string (so `007` stays `"007"`), JSON for the others; without a definition,
 * JSON when it parses, else the text.
 */
export function readPropertyText(definition: ProfilePropertyDefinition | undefined, text: string): unknown {
  if (definition === undefined) return parseConfigValue(text);
  return definition.type === 'string' ? text : parseConfigValue(text);
}

/** The property's definition in its profile type; EDICT_CONFIG_INVALID when the type has no such property. */
export function propertyDefinition(
  type: { type: string; properties: Record<string, ProfilePropertyDefinition> } | undefined,
  where: { file: string; profile: string; property: string; cli: string },
): ProfilePropertyDefinition | undefined {
  if (type === undefined) return undefined;
  const definition = type.properties[where.property];
  if (definition !== undefined) return definition;
  const known = Object.keys(type.properties);
  throw new EdictError(
    'EDICT_CONFIG_INVALID',
    `Profile "${where.profile}" in ${where.file} is of type ${type.type}, which has no property ` +
      `"${where.property}" (its properties: ${known.join(', ') || 'none'}). Nothing was saved.`,
    {
      hint: known[0]
        ? `${where.cli} config set ${profileConfigKey(where.profile, known[0])} <value>`
        : `${where.cli} config profiles`,
      details: { path: where.file, profile: where.profile, property: where.property, properties: known },
    },
  );
}
