import type { OptionDefinition } from '../definitions/types';
import { usageError } from '../errors/EdictError';
import { envVarName, type LayeredOptions } from '../parsing/layerOptions';
import type { CommandProfiles } from './commandProfiles';
import { optionOfProperty } from './commandProfiles';
import { profileConfigKey } from './profilePaths';
import type { ProfileTypeDefinition } from './types';

/** A value a command needs that no flag, variable, profile, config file or default gave. */
export interface MissingValue {
  /** The option that takes it, when there is one. */
  option?: OptionDefinition;
  /** The profile property, for a required property of a required profile type. */
  property?: { type: string; name: string; profile: string; exists: boolean };
  secure: boolean;
}

/**
 * Required options still unset, then required properties of the profile types in use: every
 * required type, and each optional type that has a profile (a profile in use must be complete).
 */
export function findMissing(input: {
  options: readonly OptionDefinition[];
  layered: LayeredOptions;
  profiles: CommandProfiles;
  types: readonly ProfileTypeDefinition[];
  requiredTypes: readonly string[];
  optionalTypes?: readonly string[];
}): MissingValue[] {
  const { values } = input.layered;
  const missing: MissingValue[] = [];
  const byName = new Map(input.options.map((o) => [o.name, o]));
  const propertyOf = (option: string): MissingValue['property'] => {
    const fill = input.profiles.fills.get(option);
    if (fill === undefined) return undefined;
    const profile = input.profiles.byType.get(fill.type);
    return { type: fill.type, name: fill.property, profile: profile?.name ?? fill.type, exists: !!profile };
  };
  for (const option of input.options)
    if (option.required && values[option.name] === undefined) {
      const property = propertyOf(option.name);
      missing.push({
        option,
        ...(property ? { property } : {}),
        secure: input.profiles.secure.has(option.name),
      });
    }
  const inUse = (input.optionalTypes ?? []).filter((t) => input.profiles.byType.has(t));
  for (const type of [...input.requiredTypes, ...inUse]) {
    const definition = input.types.find((t) => t.type === type);
    const profile = input.profiles.byType.get(type);
    for (const name of definition?.required ?? []) {
      const optionName = optionOfProperty(definition, name);
      const option = byName.get(optionName);
      if (option !== undefined && input.profiles.fills.get(optionName)?.type !== type) continue;
      if (
        option !== undefined
          ? values[optionName] !== undefined
          : profile?.properties[name]?.value !== undefined
      )
        continue;
      if (option !== undefined && missing.some((m) => m.option === option)) continue;
      const secure = definition?.properties[name]?.secure === true || !!profile?.properties[name]?.secure;
      missing.push({
        ...(option ? { option } : {}),
        property: { type, name, profile: profile?.name ?? type, exists: !!profile },
        secure,
      });
    }
  }
  return missing;
}

/** The ways to give a missing value: flag, environment variable, `config set` of the profile property. */
export function waysToGive(missing: MissingValue, cliName: string, envPrefix: string): string[] {
  const ways: string[] = [];
  if (missing.option !== undefined) {
    ways.push(`--${missing.option.name} <value>`);
    const env = envVarName(missing.option, envPrefix);
    if (env !== undefined) ways.push(`${env}=<value>`);
  }
  const p = missing.property;
  if (p !== undefined) {
    const set =
      `${cliName} config set ${profileConfigKey(p.profile, p.name)}` +
      ` <value>${missing.secure ? ' --secure' : ''}`;
    ways.push(p.exists ? set : `${cliName} config set profiles.${p.profile}.type ${p.type}, then ${set}`);
  }
  return ways;
}

/** What a missing value is, in words: `--token (secure property "token" of greeter profile dev)`. */
export function describeMissing(missing: MissingValue): string {
  const p = missing.property;
  const what = missing.option ? `--${missing.option.name}` : `property "${p?.name ?? '?'}"`;
  if (p === undefined) return what;
  const kind = missing.secure ? 'secure property' : 'property';
  const of = p.exists ? `${p.type} profile ${p.profile}` : `a ${p.type} profile (none exists yet)`;
  return `${what} (${kind} "${p.name}" of ${of})`;
}

// A command the user can run as printed: the command with the first flag, else the profile edit.
function firstWay(
  first: MissingValue | undefined,
  command: string,
  cliName: string,
  envPrefix: string,
): string {
  if (first?.option !== undefined) return `${command} --${first.option.name} <value>`;
  if (first === undefined) return `${command} --help`;
  return waysToGive(first, cliName, envPrefix).at(-1) ?? `${command} --help`;
}

/** EDICT_MISSING_VALUES (exit 2): each missing value and the ways to give it. */
export function missingValuesError(
  missing: readonly MissingValue[],
  cliName: string,
  envPrefix: string,
  command: string,
) {
  const lines = missing.map(
    (m) =>
      `  ${describeMissing(m)}:\n${waysToGive(m, cliName, envPrefix)
        .map((w) => `    ${w}`)
        .join('\n')}`,
  );
  const first = missing[0];
  return usageError(
    'EDICT_MISSING_VALUES',
    `${command} is missing ${missing.length === 1 ? 'a value' : `${missing.length} values`}` +
      `; give each with ` +
      `a flag, an environment variable or a profile property:\n${lines.join('\n')}`,
    {
      hint: firstWay(first, command, cliName, envPrefix),
      details: {
        missing: missing.map((m) => ({
          ...(m.option ? { option: m.option.name } : {}),
          ...(m.property
            ? { profileType: m.property.type, profile: m.property.profile, property: m.property.name }
            : {}),
          secure: m.secure,
          ways: waysToGive(m, cliName, envPrefix),
        })),
      },
    },
  );
}
