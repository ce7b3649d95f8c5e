import type { ProfilePropertyDefinition } from '../../profiles/types';

/** Whether a profile property is secure: declared so by its type, listed in `secure`, or asked for. */
export function isSecureProperty(
  definition: ProfilePropertyDefinition | undefined,
  listed: readonly string[] | undefined,
  property: string,
  asked: boolean,
): boolean {
  return asked || definition?.secure === true || (listed ?? []).includes(property);
}
