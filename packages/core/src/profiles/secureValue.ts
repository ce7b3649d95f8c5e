import type { ProfilePropertyDefinition } from './types';

/** A secure value as the credential store keeps it: strings as they are, other types as JSON. */
export function encodeSecure(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A stored secure value as its property's type wants it (a text that is not JSON stays text). */
export function decodeSecure(definition: ProfilePropertyDefinition | undefined, stored: string): unknown {
  if (definition === undefined || definition.type === 'string') return stored;
  try {
    return JSON.parse(stored) as unknown;
  } catch {
    return stored;
  }
}
