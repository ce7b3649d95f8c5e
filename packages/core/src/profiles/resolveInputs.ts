import type { ParsedArgs } from '../api/context';
import type { HostInfo } from '../api/host';
import { envVarName, layerOptions, MASK, type LayeredOptions } from '../parsing/layerOptions';
import {
  argsOf,
  bindCommandPositionals,
  layerInputOf,
  tokenizeCommand,
  type ParseInput,
} from '../parsing/parseCommand';
import { profileTypesUsed } from '../parsing/commandOptions';
import { validateOptions } from '../parsing/validate';
import { commandProfiles, profileLayer, type CommandProfiles } from './commandProfiles';
import type { ConfigLayer } from './configTypes';
import { findConfigLayers } from './findConfigLayers';
import { loadSecureValues } from './loadSecureValues';
import { findMissing, missingValuesError, waysToGive, type MissingValue } from './missingValues';
import { promptMissing } from './promptMissing';
import type { CredentialManager, ProfileTypeDefinition, Prompter } from './types';

/** Inputs of {@link resolveInputs}. */
export interface ResolveInputsInput {
  parse: ParseInput;
  host: HostInfo;
  /** Every profile type known to the run. */
  types: readonly ProfileTypeDefinition[];
  /** Made on first use only (a secure value is read or saved). */
  credentials: () => CredentialManager;
  /** Asks for missing values when it is interactive; without one they are an error. */
  prompter?: Prompter;
  /** `--show-inputs-only`: list missing values instead of asking or failing. */
  listMissing?: boolean;
}

/** One input of a command as `--show-inputs-only` shows it. */
export interface InputReport {
  name: string;
  /** `****` for a secure value; null when missing. */
  value: unknown;
  source: 'argument' | LayeredOptions['sources'][string] | 'missing';
  /** `--times`, `MYCLI_OPT_TIMES`, `profile dev.greeter (/p/mycli.config.json)`, `default`… */
  from: string;
}

/** What {@link resolveInputs} gives the engine. */
export interface ResolvedInputs {
  args: ParsedArgs;
  warnings: string[];
  /** Lines to print on stderr (values typed at a prompt and saved). */
  notices: string[];
  profiles?: Record<string, { name: string; properties: Record<string, unknown> }>;
  inputs: InputReport[];
  /** The secure values in effect (from any layer), for the log's censor. */
  secrets: string[];
}

const EMPTY: CommandProfiles = { byType: new Map(), fills: new Map(), secure: new Set() };

/**
 * Parses a command that uses profiles (or runs with `--show-inputs-only`, or lacks a required
 * value at an interactive terminal): flag > env > profile > config.json > default, secure
 * values from the credential manager, missing values asked for or reported (EDICT_MISSING_VALUES).
 * Config files are read only when the command uses a profile type.
 */
export async function resolveInputs(input: ResolveInputsInput): Promise<ResolvedInputs> {
  const tokenized = tokenizeCommand(input.parse);
  const { options, flags, helpHint } = tokenized;
  const layerInput = layerInputOf(input.parse, tokenized);
  const used = profileTypesUsed(tokenized.command);
  const layers: ConfigLayer[] =
    used.length > 0 ? findConfigLayers(input.host.name, input.host.cwd, input.host.dirs.config) : [];
  const context = {
    types: input.types,
    options,
    flags,
    env: input.parse.env,
    envPrefix: input.parse.envPrefix,
  };
  const profiles = used.length > 0 ? commandProfiles({ ...context, layers, used }) : EMPTY;
  const given = (name: string): boolean => {
    const option = options.find((o) => o.name === name);
    const env = option === undefined ? undefined : envVarName(option, input.parse.envPrefix);
    return Object.hasOwn(flags, name) || (env !== undefined && (input.parse.env[env] ?? '') !== '');
  };
  await loadSecureValues({
    ...context,
    profiles,
    given,
    credentials: input.credentials,
    tolerant: input.listMissing === true,
  });
  const layered = layerOptions(options, flags, {
    ...layerInput,
    profile: profileLayer(profiles),
    secure: profiles.secure,
  });
  const missing = findMissing({
    options,
    layered,
    profiles,
    types: input.types,
    requiredTypes: tokenized.command.profile?.required ?? [],
    optionalTypes: tokenized.command.profile?.optional ?? [],
  });
  const notices: string[] = [];
  if (missing.length > 0 && !input.listMissing) {
    if (input.prompter?.interactive !== true)
      throw missingValuesError(
        missing,
        input.parse.cliName,
        input.parse.envPrefix,
        helpHint.replace(/ --help$/, ''),
      );
    notices.push(
      ...(await promptMissing({
        ...context,
        missing,
        prompter: input.prompter,
        layered,
        profiles,
        layers,
        credentials: input.credentials,
      })),
    );
  }
  const warnings = validateOptions(options, layered, helpHint, !input.listMissing);
  const positionals = bindCommandPositionals(tokenized);
  return {
    args: argsOf(positionals, layered.values),
    warnings,
    notices,
    ...(used.length > 0 ? { profiles: profilesForHandler(profiles, layered) } : {}),
    inputs: report(positionals, layered, profiles, input.listMissing ? missing : [], input.parse),
    secrets: [...profiles.secure]
      .map((option) => layered.values[option])
      .filter((v): v is string => typeof v === 'string' && v !== ''),
  };
}

function profilesForHandler(
  profiles: CommandProfiles,
  layered: LayeredOptions,
): Record<string, { name: string; properties: Record<string, unknown> }> {
  const result: Record<string, { name: string; properties: Record<string, unknown> }> = {};
  for (const [type, resolved] of profiles.byType) {
    const properties: Record<string, unknown> = {};
    for (const [name, p] of Object.entries(resolved.properties))
      if (p.value !== undefined) properties[name] = p.value;
    for (const [option, fill] of profiles.fills) {
      const source = layered.sources[option];
      if (fill.type === type && (source === 'flag' || source === 'env' || source === 'prompt'))
        properties[fill.property] = layered.values[option];
    }
    result[type] = { name: resolved.name, properties };
  }
  return result;
}

function report(
  positionals: Record<string, unknown>,
  layered: LayeredOptions,
  profiles: CommandProfiles,
  missing: readonly MissingValue[],
  parse: ParseInput,
): InputReport[] {
  const inputs: InputReport[] = Object.entries(positionals)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ({ name, value, source: 'argument', from: 'command line' }));
  for (const [name, value] of Object.entries(layered.values)) {
    const source = layered.sources[name] ?? 'default';
    inputs.push({
      name,
      value: profiles.secure.has(name) ? MASK : value,
      source,
      from: layered.origins[name] ?? source,
    });
  }
  for (const [type, resolved] of profiles.byType) {
    const picker = inputs.find((i) => i.name === `${type}-profile`);
    if (picker === undefined)
      inputs.push({
        name: `${type}-profile`,
        value: resolved.name,
        source: 'profile',
        from: `defaults.${type}`,
      });
  }
  for (const m of missing)
    inputs.push({
      name: m.option?.name ?? `${m.property?.type ?? ''}.${m.property?.name ?? ''}`,
      value: null,
      source: 'missing',
      from: waysToGive(m, parse.cliName, parse.envPrefix).join(' | '),
    });
  return inputs;
}
