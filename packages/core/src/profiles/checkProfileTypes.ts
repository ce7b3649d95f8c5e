import type { ProfilePropertyDefinition, ProfileTypeDefinition } from './types';

const TYPE_NAME = /^[a-z][a-z0-9-]*$/;
const PROPERTY_TYPES = new Set(['string', 'number', 'boolean', 'array', 'object']);

type Plain = Record<string, unknown>;
const isObject = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function propertyErrors(where: string, name: string, value: unknown): string[] {
  if (!isObject(value)) return [`${where} property "${name}" must be an object`];
  const errors: string[] = [];
  if (typeof value.type !== 'string' || !PROPERTY_TYPES.has(value.type)) {
    errors.push(`${where} property "${name}": "type" must be one of ${[...PROPERTY_TYPES].join(', ')}`);
  }
  if (value.secure !== undefined && typeof value.secure !== 'boolean')
    errors.push(`${where} property "${name}": "secure" must be a boolean`);
  if (
    value.option !== undefined &&
    (typeof value.option !== 'string' || !/^[a-z0-9][a-z0-9-]*$/i.test(value.option))
  ) {
    errors.push(`${where} property "${name}": "option" must be an option name (letters, digits and dashes)`);
  }
  if (value.description !== undefined && typeof value.description !== 'string')
    errors.push(`${where} property "${name}": "description" must be a string`);
  if (value.enum !== undefined && !Array.isArray(value.enum))
    errors.push(`${where} property "${name}": "enum" must be an array`);
  return errors;
}

function typeErrors(value: unknown, i: number): string[] {
  if (!isObject(value)) return [`profile type ${i} must be an object`];
  const where = typeof value.type === 'string' ? `profile type "${value.type}":` : `profile type ${i}:`;
  const errors: string[] = [];
  if (typeof value.type !== 'string' || !TYPE_NAME.test(value.type))
    errors.push(`${where} "type" must be a lower-case word (letters, digits and dashes)`);
  if (value.summary !== undefined && typeof value.summary !== 'string')
    errors.push(`${where} "summary" must be a string`);
  if (!isObject(value.properties))
    return [...errors, `${where} "properties" must be an object of property definitions`];
  for (const [name, property] of Object.entries(value.properties))
    errors.push(...propertyErrors(where, name, property));
  const required = value.required;
  if (required !== undefined) {
    if (!Array.isArray(required) || !required.every((r) => typeof r === 'string'))
      errors.push(`${where} "required" must be an array of property names`);
    else
      for (const r of required)
        if (!(r in value.properties))
          errors.push(`${where} "required" names "${r}", which is not one of its properties`);
  }
  return errors;
}

/**
 * Checks profile types declared as data (by a host, or a plugin's definitions or manifest).
 * @returns The types when every one is well formed (and no name repeats), and the problems found.
 */
export function checkProfileTypes(value: unknown): { types: ProfileTypeDefinition[]; errors: string[] } {
  if (value === undefined) return { types: [], errors: [] };
  if (!Array.isArray(value))
    return { types: [], errors: ['"profileTypes" must be an array of profile type definitions'] };
  const errors = value.flatMap((t, i) => typeErrors(t, i));
  const seen = new Set<string>();
  for (const t of value as { type?: unknown }[]) {
    if (typeof t?.type !== 'string') continue;
    if (seen.has(t.type)) errors.push(`profile type "${t.type}" is declared twice`);
    seen.add(t.type);
  }
  return errors.length > 0 ? { types: [], errors } : { types: value as ProfileTypeDefinition[], errors };
}

/** The JSON schema of one property value. */
export function propertySchema(property: ProfilePropertyDefinition): Record<string, unknown> {
  const schema: Record<string, unknown> = { type: property.type };
  if (property.description !== undefined) schema.description = property.description;
  if (property.enum !== undefined) schema.enum = property.enum;
  if (property.default !== undefined) schema.default = property.default;
  return schema;
}
