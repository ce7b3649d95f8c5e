import { EdictError } from '../errors/EdictError';
import { cliNameOfFile, profileConfigKey } from './profilePaths';
import type { ProfilePropertyDefinition } from './types';

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

/** Throws EDICT_CONFIG_INVALID when a profile value has the wrong JSON type or is not one of its enum. */
export function checkPropertyValue(
  definition: ProfilePropertyDefinition,
  value: unknown,
  where: { file: string; profile: string; property: string },
): void {
  const got = jsonType(value);
  const allowed = definition.enum?.map(String);
  let wanted: string | undefined;
  if (got !== definition.type) wanted = `a JSON ${definition.type}`;
  else if (allowed !== undefined && !allowed.includes(String(value))) wanted = `one of ${allowed.join(', ')}`;
  if (wanted === undefined) return;
  const shown = JSON.stringify(value);
  const key = profileConfigKey(where.profile, where.property);
  throw new EdictError(
    'EDICT_CONFIG_INVALID',
    `Invalid value ${shown} for property "${where.property}" of profile "${where.profile}" in ` +
      `${where.file}: wanted ${wanted}, got a ${got}.`,
    {
      hint: `${cliNameOfFile(where.file)} config set ${key} <value>`,
      details: { path: where.file, profile: where.profile, property: where.property, wanted, got },
    },
  );
}
