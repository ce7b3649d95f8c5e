import type { PositionalDefinition } from '../definitions/types';
import { usageError } from '../errors/EdictError';
import { CoercionFailure, toNumber } from './coerce';

/** Assigns positional words to the declared positionals (the last may be variadic), typed and checked. */
export function bindPositionals(
  defs: readonly PositionalDefinition[],
  words: readonly string[],
  helpHint: string,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  let i = 0;
  for (const def of defs) {
    const taken = def.variadic ? words.slice(i) : words.slice(i, i + 1);
    i += taken.length;
    if (taken.length === 0) {
      if (def.required) {
        throw usageError('EDICT_MISSING_ARGUMENT', `Missing required argument <${def.name}>.`, {
          hint: helpHint,
          details: { argument: def.name },
        });
      }
      values[def.name] = def.variadic ? [] : undefined;
      continue;
    }
    const typed = taken.map((w) => convert(def, w, helpHint));
    values[def.name] = def.variadic ? typed : typed[0];
  }
  if (i < words.length) {
    throw usageError('EDICT_UNEXPECTED_ARGUMENT', `Unexpected argument "${words[i]}".`, {
      hint: helpHint,
      details: { argument: words[i] },
    });
  }
  return values;
}

function convert(def: PositionalDefinition, word: string, helpHint: string): string | number {
  let value: string | number = word;
  if (def.type === 'number') {
    try {
      value = toNumber(word);
    } catch (err) {
      if (!(err instanceof CoercionFailure)) throw err;
      throw usageError(
        'EDICT_INVALID_VALUE',
        `Invalid value "${word}" for argument <${def.name}>: wanted ${err.wanted}.`,
        {
          hint: helpHint,
          details: { argument: def.name, value: word, wanted: err.wanted },
        },
      );
    }
  }
  if (def.choices && !def.choices.map(String).includes(String(value))) {
    throw usageError(
      'EDICT_INVALID_CHOICE',
      `Invalid value "${word}" for argument <${def.name}>: choose from ${def.choices.join(', ')}.`,
      {
        hint: helpHint,
        details: { argument: def.name, value: word, choices: def.choices.map(String) },
      },
    );
  }
  return value;
}
