import { usageError, type EdictError } from '../../errors/EdictError';

/** A value typed on the command line: JSON when it parses (`3`, `true`, `["a"]`), else the text. */
export function parseConfigValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `config set <key>` without a value where one is needed (a usage error, as a missing argument is). */
export function missingConfigValue(cliName: string, key: string): EdictError {
  return usageError('EDICT_MISSING_ARGUMENT', `Missing required argument <value> for config key ${key}.`, {
    hint: `${cliName} config set ${key} <value>`,
    details: { argument: 'value', key },
  });
}
