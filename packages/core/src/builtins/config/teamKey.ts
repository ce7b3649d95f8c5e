import { usageError } from '../../errors/EdictError';

/** A `config set|unset` key of the team config files, taken apart. */
export type TeamKey =
  | { kind: 'property'; profile: string; property: string }
  | { kind: 'type'; profile: string }
  | { kind: 'default'; type: string };

/** Whether a config key addresses the team config files (profiles, defaults), not option defaults. */
export function isTeamKey(key: string): boolean {
  return key.startsWith('profiles.') || key.startsWith('defaults.');
}

const PROPERTY = /^profiles\.(.+)\.properties\.([^.]+)$/;
const TYPE = /^profiles\.(.+)\.type$/;
const DEFAULT = /^defaults\.([^.]+)$/;
const NAME = /^[^.\s]+(\.[^.\s]+)*$/;

/**
 * Reads `profiles.<profile>.properties.<property>`, `profiles.<profile>.type` or
 * `defaults.<type>` (a nested profile is named with dots: `profiles.dev.greeter.properties.token`).
 * Anything else under `profiles.` or `defaults.` is a usage error listing the accepted forms.
 */
export function parseTeamKey(key: string, cliName: string): TeamKey {
  const property = PROPERTY.exec(key);
  if (property?.[1] !== undefined && property[2] !== undefined && NAME.test(property[1]))
    return { kind: 'property', profile: property[1], property: property[2] };
  const type = TYPE.exec(key);
  if (type?.[1] !== undefined && NAME.test(type[1])) return { kind: 'type', profile: type[1] };
  const defaults = DEFAULT.exec(key);
  if (defaults?.[1] !== undefined) return { kind: 'default', type: defaults[1] };
  throw usageError(
    'EDICT_CONFIG_KEY_INVALID',
    `"${key}" is not a key of the config files: use profiles.<profile>.properties.<property>, ` +
      'profiles.<profile>.type or defaults.<type> (a nested profile is named a.b).',
    {
      hint: `${cliName} config set profiles.<profile>.properties.<property> <value>`,
      details: { key },
    },
  );
}
