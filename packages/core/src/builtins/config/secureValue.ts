import type { ProfilePropertyDefinition } from '../../profiles/types';

/** A secure value as the credential store keeps it: a string as it is, anything else as JSON. */
export function storedSecureText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Whether a profile property is secure: declared so by its type, listed in `secure`, or asked for. */
export function isSecureProperty(
  definition: ProfilePropertyDefinition | undefined,
  listed: readonly string[] | undefined,
  property: string,
  asked: boolean,
): boolean {
  return asked || definition?.secure === true || (listed ?? []).includes(property);
}
