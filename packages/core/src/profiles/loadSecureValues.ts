import type { OptionDefinition } from '../definitions/types';
import { EdictError, isEdictError } from '../errors/EdictError';
import { envVarName } from '../parsing/layerOptions';
import type { CommandProfiles } from './commandProfiles';
import { optionOfProperty } from './commandProfiles';
import { secureAccount } from './secureAccount';
import { decodeSecure } from './secureValue';
import type { CredentialManager, ProfileTypeDefinition } from './types';

/**
 * Loads the secure values of the command's profiles from the credential manager, except those
 * whose option a flag or environment variable already gives (then the store is not touched).
 */
export async function loadSecureValues(input: {
  profiles: CommandProfiles;
  types: readonly ProfileTypeDefinition[];
  options: readonly OptionDefinition[];
  given: (option: string) => boolean;
  credentials: () => CredentialManager;
  envPrefix: string;
  /** `--show-inputs-only`: a store that cannot be reached leaves the values unset instead of failing. */
  tolerant?: boolean;
}): Promise<void> {
  for (const [type, resolved] of input.profiles.byType) {
    const definition = input.types.find((t) => t.type === type);
    for (const [property, value] of Object.entries(resolved.properties)) {
      if (!value.secure || value.value !== undefined) continue;
      const optionName = optionOfProperty(definition, property);
      if (input.given(optionName)) continue;
      const account = secureAccount(value.file, value.profile, property);
      try {
        const stored = await input.credentials().load(account);
        if (stored !== undefined) value.value = decodeSecure(definition?.properties[property], stored);
      } catch (err) {
        if (!isEdictError(err) || err.code !== 'EDICT_CREDENTIALS_UNAVAILABLE') throw err;
        if (input.tolerant) continue;
        const option = input.options.find((o) => o.name === optionName);
        if (option === undefined) throw err;
        const env = envVarName(option, input.envPrefix);
        throw new EdictError(err.code, err.message, {
          hint: `Give it with --${option.name} <value>${env === undefined ? '' : ` or ${env}=<value>`}`,
          details: { ...err.details, option: option.name, ...(env === undefined ? {} : { env }) },
          cause: err,
        });
      }
    }
  }
}
