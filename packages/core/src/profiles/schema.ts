import { join } from 'node:path';
import { writeFileAtomic } from '../fs/writeFileAtomic';
import { propertySchema } from './checkProfileTypes';
import type { ProfileTypeDefinition } from './types';

/** The schema's file name for a CLI: `mycli.schema.json`. */
export function schemaFileName(cliName: string): string {
  return `${cliName}.schema.json`;
}

function profileSchema(cliName: string, types: readonly ProfileTypeDefinition[]): Record<string, unknown> {
  // One branch per type, chosen by "type"; a profile without "type" only groups nested profiles.
  const typed = types.map((t) => ({
    if: { properties: { type: { const: t.type } }, required: ['type'] },
    then: {
      properties: {
        properties: {
          type: 'object',
          properties: Object.fromEntries(
            Object.entries(t.properties).map(([name, p]) => [name, propertySchema(p)]),
          ),
          additionalProperties: false,
        },
        secure: {
          type: 'array',
          items: {
            enum: Object.entries(t.properties)
              .filter(([, p]) => p.secure)
              .map(([name]) => name),
          },
        },
      },
    },
  }));
  return {
    type: 'object',
    description:
      `A ${cliName} profile: a type, its properties, the names of its ` +
      `secure properties, nested profiles.`,
    properties: {
      type: { enum: types.map((t) => t.type) },
      properties: { type: 'object' },
      secure: { type: 'array', items: { type: 'string' } },
      profiles: { type: 'object', additionalProperties: { $ref: '#/$defs/profile' } },
    },
    additionalProperties: false,
    allOf: typed,
  };
}

/**
 * The JSON schema of a CLI's config files (`mycli.config.json` and `mycli.config.user.json`),
 * built from every known profile type, so editors complete and check the files.
 */
export function buildConfigSchema(
  cliName: string,
  types: readonly ProfileTypeDefinition[],
): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaFileName(cliName),
    title: `${cliName} configuration`,
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      profiles: { type: 'object', additionalProperties: { $ref: '#/$defs/profile' } },
      defaults: {
        type: 'object',
        description: 'The default profile of each type, by profile name (nested ones as a.b).',
        properties: Object.fromEntries(
          types.map((t) => [
            t.type,
            { type: 'string', description: t.summary ?? `The default ${t.type} profile.` },
          ]),
        ),
        additionalProperties: { type: 'string' },
      },
      autoStore: { type: 'boolean', description: 'Offer to store values typed at a prompt in the profile.' },
    },
    $defs: { profile: profileSchema(cliName, types) },
  };
}

/** Writes `<folder>/<cli>.schema.json` atomically; returns its path. */
export function writeConfigSchema(
  folder: string,
  cliName: string,
  types: readonly ProfileTypeDefinition[],
): string {
  const file = join(folder, schemaFileName(cliName));
  writeFileAtomic(file, `${JSON.stringify(buildConfigSchema(cliName, types), null, 2)}\n`);
  return file;
}
