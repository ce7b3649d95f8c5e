import { usageError } from '../errors/EdictError';
import { coerceOption, CoercionFailure } from '../parsing/coerce';
import { coerceChecked } from '../parsing/checkValue';
import type { LayeredOptions } from '../parsing/layerOptions';
import { checkPropertyValue } from './checkPropertyValue';
import type { CommandProfiles } from './commandProfiles';
import type { ConfigLayer } from './configTypes';
import { describeMissing, type MissingValue } from './missingValues';
import { profileAt, profileJsonPath } from './profilePaths';
import { secureAccount } from './secureAccount';
import { encodeSecure } from './secureValue';
import { setConfigValue } from './setConfigValue';
import type { CredentialManager, ProfileTypeDefinition, Prompter } from './types';

function typed(missing: MissingValue, text: string, types: readonly ProfileTypeDefinition[]): unknown {
  try {
    if (missing.option !== undefined) return coerceChecked(missing.option, text);
    const p = missing.property;
    const definition = p && types.find((t) => t.type === p.type)?.properties[p.name];
    if (definition === undefined || definition.type === 'string') return text;
    if (definition.type === 'object') return JSON.parse(text) as unknown;
    return coerceOption(definition.type, text);
  } catch (err) {
    if (!(err instanceof CoercionFailure) && !(err instanceof SyntaxError)) throw err;
    const wanted = err instanceof CoercionFailure ? err.message : 'wanted a JSON object';
    throw usageError(
      'EDICT_INVALID_VALUE',
      `Invalid value typed for ${describeMissing(missing)}: ${wanted}.`,
      {
        details: {
          ...(missing.option ? { option: missing.option.name } : {}),
          value: missing.secure ? '****' : text,
        },
      },
    );
  }
}

function listedSecure(layers: readonly ConfigLayer[], file: string, profile: string): string[] {
  const layer = layers.find((l) => l.path === file);
  return (layer && profileAt(layer, profile)?.secure) ?? [];
}

/** Where a typed profile value is saved: the highest file defining the profile, else a new one. */
function storeTarget(layers: readonly ConfigLayer[], profile: string): { file: string; create: boolean } {
  const defining = layers.find((l) => profileAt(l, profile) !== undefined);
  if (defining !== undefined) return { file: defining.path, create: false };
  const global = layers.find((l) => l.scope === 'global' && !l.user) ?? layers[layers.length - 1];
  return { file: global?.path ?? '', create: true };
}

/**
 * Asks for each missing value on the terminal (masked for secure ones) and puts it into the
 * layered options (source `prompt`) and the profiles. With `autoStore` (the first file giving it,
 * default true) each typed profile property is saved: a plain one into the file defining the
 * profile, a secure one into the credential manager with its name added to the profile's
 * `secure` list. Returns one notice per saved value.
 */
export async function promptMissing(input: {
  missing: readonly MissingValue[];
  prompter: Prompter;
  layered: LayeredOptions;
  profiles: CommandProfiles;
  layers: readonly ConfigLayer[];
  types: readonly ProfileTypeDefinition[];
  credentials: () => CredentialManager;
}): Promise<string[]> {
  const autoStore = input.layers.map((l) => l.data.autoStore).find((a) => a !== undefined) ?? true;
  const notices: string[] = [];
  // The layers keep the files as read: lists already extended in this run are tracked here.
  const secureLists = new Map<string, string[]>();
  for (const missing of input.missing) {
    const question = `${describeMissing(missing)}:`;
    const text = missing.secure
      ? await input.prompter.password(question)
      : await input.prompter.text(question);
    const value = typed(missing, text, input.types);
    if (missing.option !== undefined) {
      input.layered.values[missing.option.name] = value;
      input.layered.sources[missing.option.name] = 'prompt';
      input.layered.origins[missing.option.name] = 'prompt';
    }
    const p = missing.property;
    if (p === undefined) continue;
    const { file, create } = storeTarget(input.layers, p.profile);
    const definition = input.types.find((t) => t.type === p.type)?.properties[p.name];
    if (definition !== undefined)
      checkPropertyValue(definition, value, { file, profile: p.profile, property: p.name });
    const resolved = input.profiles.byType.get(p.type) ?? { name: p.profile, type: p.type, properties: {} };
    input.profiles.byType.set(p.type, resolved);
    resolved.properties[p.name] = { value, file, profile: p.profile, secure: missing.secure };
    if (!autoStore || file === '') continue;
    if (create) {
      setConfigValue(file, profileJsonPath(p.profile, 'type'), p.type);
      setConfigValue(file, ['defaults', p.type], p.profile);
    }
    if (missing.secure) {
      await input.credentials().save(secureAccount(file, p.profile, p.name), encodeSecure(value));
      const key = `${file}\n${p.profile}`;
      const secure = secureLists.get(key) ?? listedSecure(input.layers, file, p.profile);
      if (!secure.includes(p.name)) {
        secureLists.set(key, [...secure, p.name]);
        setConfigValue(file, profileJsonPath(p.profile, 'secure'), [...secure, p.name]);
      }
      notices.push(
        `Saved ${p.name} of profile ${p.profile} in ${input.credentials().name} (listed in ${file}).`,
      );
    } else {
      setConfigValue(file, profileJsonPath(p.profile, 'properties', p.name), value);
      notices.push(`Saved ${p.name} of profile ${p.profile} in ${file}.`);
    }
  }
  return notices;
}
