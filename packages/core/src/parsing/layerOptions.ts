import type { ConfigStore } from '../api/config';
import type { OptionDefinition } from '../definitions/types';
import { EdictError, usageError } from '../errors/EdictError';
import { profileConfigKey } from '../profiles/profilePaths';
import { toEnvSegment } from '../host/names';
import { CoercionFailure } from './coerce';
import { coerceChecked } from './checkValue';

/** How secure values are shown. */
export const MASK = '****';

/** Where an option's value came from (`prompt`: typed at a prompt for a missing value). */
export type ValueSource = 'flag' | 'env' | 'profile' | 'config' | 'default' | 'prompt';

/** The layered values of one command's options. */
export interface LayeredOptions {
  values: Record<string, unknown>;
  sources: Record<string, ValueSource>;
  /**
   * Where each value came from, as a user reads it: `--times`, `MYCLI_OPT_TIMES`,
   * `profile dev.greeter (/path/mycli.config.json)`, `config.json (greet.times)`, `default`.
   */
  origins: Record<string, string>;
}

/** A profile property's value for an option, and where it is kept. */
export interface ProfileValue {
  value: unknown;
  profile: string;
  property: string;
  file: string;
  secure: boolean;
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
  /** The profile layer (between environment and config file): the value filling an option, if any. */
  profile?: (option: OptionDefinition) => ProfileValue | undefined;
  /** Options holding secure values: their values are masked in error messages. */
  secure?: ReadonlySet<string>;
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
 * Gives each option its value: flag > environment variable > profile property (when
 * `input.profile` is given) > config file (command-specific key, then bare key) > default. Booleans and
 * counts without any value are false and 0. Number values
 * from every layer are checked against the option's `integer`, `min` and `max`.
 */
export function layerOptions(
  options: readonly OptionDefinition[],
  flags: Record<string, unknown>,
  input: LayerInput,
): LayeredOptions {
  const values: Record<string, unknown> = {};
  const sources: Record<string, ValueSource> = {};
  const origins: Record<string, string> = {};
  for (const option of options) {
    const set = (value: unknown, source: ValueSource, origin: string): void => {
      values[option.name] = value;
      sources[option.name] = source;
      origins[option.name] = origin;
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
        `--${option.name}`,
      );
      continue;
    }
    const envName = envVarName(option, input.envPrefix);
    const envValue = envName === undefined ? undefined : input.env[envName];
    if (envName !== undefined && envValue !== undefined && envValue !== '') {
      set(coerce(option, envValue, `environment variable ${envName}`, envValue, input), 'env', envName);
      continue;
    }
    const fromProfile = input.profile?.(option);
    if (fromProfile !== undefined) {
      set(profileCoerce(option, fromProfile, input), 'profile', profileOrigin(fromProfile));
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
          `config.json (${key})`,
        );
        continue;
      }
    }
    if (option.default !== undefined) set(option.default, 'default', 'default');
    else if (option.type === 'boolean') set(false, 'default', 'default');
    else if (option.type === 'count') set(0, 'default', 'default');
  }
  return { values, sources, origins };
}

/** `profile dev.greeter (/path/mycli.config.json)` */
export function profileOrigin(value: Pick<ProfileValue, 'profile' | 'file'>): string {
  return `profile ${value.profile} (${value.file})`;
}

function profileCoerce(option: OptionDefinition, from: ProfileValue, input: LayerInput): unknown {
  try {
    return coerceChecked(option, from.value);
  } catch (err) {
    if (!(err instanceof CoercionFailure)) throw err;
    const shown = from.secure ? MASK : JSON.stringify(from.value);
    throw new EdictError(
      'EDICT_CONFIG_INVALID',
      `Invalid value ${shown} for property "${from.property}" of profile "${from.profile}" ` +
        `(${from.secure ? 'credential store, listed in ' : ''}${from.file}), which fills option ` +
        `--${option.name}: ${err.message}.`,
      {
        hint: `${input.cliName} config set ${profileConfigKey(from.profile, from.property)} <value>`,
        details: { option: option.name, profile: from.profile, property: from.property, path: from.file },
      },
    );
  }
}

function formatFlagValue(raw: unknown): string {
  return Array.isArray(raw) ? String(raw[raw.length - 1]) : String(raw);
}

function coerce(
  option: OptionDefinition,
  raw: unknown,
  where: string,
  shownRaw: string,
  input: LayerInput,
  configKey?: string,
): unknown {
  let shown = shownRaw;
  try {
    return coerceChecked(option, raw);
  } catch (err) {
    if (!(err instanceof CoercionFailure)) throw err;
    if (input.secure?.has(option.name)) shown = MASK;
    const hint = configKey
      ? `${input.cliName} config set ${configKey} <value>  (or: ${input.cliName} config unset ${configKey})`
      : input.helpHint;
    throw usageError('EDICT_INVALID_VALUE', `Invalid value "${shown}" for ${where}: ${err.message}.`, {
      hint,
      details: { option: option.name, value: shown, wanted: err.wanted, from: where },
    });
  }
}
