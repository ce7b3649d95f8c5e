import type { ConfigStore } from '../api/config';
import type { OptionDefinition } from '../definitions/types';
import { usageError } from '../errors/EdictError';
import { toEnvSegment } from '../host/names';
import { CoercionFailure } from './coerce';
import { coerceChecked } from './checkValue';

/** Where an option's value came from. */
export type ValueSource = 'flag' | 'env' | 'config' | 'default';

/** The layered values of one command's options. */
export interface LayeredOptions {
  values: Record<string, unknown>;
  sources: Record<string, ValueSource>;
}

/** Facts layering needs besides the options themselves. */
export interface LayerInput {
  envPrefix: string;
  env: Record<string, string | undefined>;
  /** Canonical command path (`['plugins', 'install']`): config key `plugins.install.<option>`. */
  commandPath: readonly string[];
  /** Read only when some option is not set by a flag or environment variable. */
  config: () => ConfigStore;
  cliName: string;
  /** `mycli greet --help`: the hint of a bad flag or environment value. */
  helpHint: string;
}

/** The environment variable that sets an option, or undefined when environment layering is off for it. */
export function envVarName(option: OptionDefinition, envPrefix: string): string | undefined {
  if (option.env === false) return undefined;
  return option.env ?? `${envPrefix}_OPT_${toEnvSegment(option.name)}`;
}

/** Config keys that set an option, most specific first. */
export function configKeys(option: OptionDefinition, commandPath: readonly string[]): string[] {
  return commandPath.length > 0 ? [`${commandPath.join('.')}.${option.name}`, option.name] : [option.name];
}

/**
 * Gives each option its value: flag > environment variable > config file (command-specific key,
 * then bare key) > default. Booleans and counts without any value are false and 0. Number values
 * from every layer are checked against the option's `integer`, `min` and `max`.
 */
export function layerOptions(
  options: readonly OptionDefinition[],
  flags: Record<string, unknown>,
  input: LayerInput,
): LayeredOptions {
  const values: Record<string, unknown> = {};
  const sources: Record<string, ValueSource> = {};
  for (const option of options) {
    const set = (value: unknown, source: ValueSource): void => {
      values[option.name] = value;
      sources[option.name] = source;
    };
    if (Object.prototype.hasOwnProperty.call(flags, option.name)) {
      set(
        coerce(
          option,
          flags[option.name],
          `option --${option.name}`,
          formatFlagValue(flags[option.name]),
          input,
        ),
        'flag',
      );
      continue;
    }
    const envName = envVarName(option, input.envPrefix);
    const envValue = envName === undefined ? undefined : input.env[envName];
    if (envName !== undefined && envValue !== undefined && envValue !== '') {
      set(coerce(option, envValue, `environment variable ${envName}`, envValue, input), 'env');
      continue;
    }
    if (option.config !== false) {
      const store = input.config();
      const all = store.list();
      const key = configKeys(option, input.commandPath).find((k) =>
        Object.prototype.hasOwnProperty.call(all, k),
      );
      if (key !== undefined) {
        set(
          coerce(
            option,
            all[key],
            `config key ${key} (in ${store.path})`,
            JSON.stringify(all[key]),
            input,
            key,
          ),
          'config',
        );
        continue;
      }
    }
    if (option.default !== undefined) set(option.default, 'default');
    else if (option.type === 'boolean') set(false, 'default');
    else if (option.type === 'count') set(0, 'default');
  }
  return { values, sources };
}

function formatFlagValue(raw: unknown): string {
  return Array.isArray(raw) ? String(raw[raw.length - 1]) : String(raw);
}

function coerce(
  option: OptionDefinition,
  raw: unknown,
  where: string,
  shown: string,
  input: LayerInput,
  configKey?: string,
): unknown {
  try {
    return coerceChecked(option, raw);
  } catch (err) {
    if (!(err instanceof CoercionFailure)) throw err;
    const hint = configKey
      ? `${input.cliName} config unset ${configKey}  ` +
        `(then set a valid value with ${input.cliName} config set)`
      : input.helpHint;
    throw usageError('EDICT_INVALID_VALUE', `Invalid value "${shown}" for ${where}: ${err.message}.`, {
      hint,
      details: { option: option.name, value: shown, wanted: err.wanted, from: where },
    });
  }
}
