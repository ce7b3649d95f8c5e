import type { OptionDefinition } from '../definitions/types';
import { coerceOption, CoercionFailure, UNSAFE_NUMBER } from './coerce';

/** What a number option accepts, in words: `a whole number from 1 to 100`. */
export function numberWanted(option: Pick<OptionDefinition, 'min' | 'max' | 'integer'>): string {
  const kind = option.integer ? 'a whole number' : 'a number';
  const { min, max } = option;
  if (min !== undefined && max !== undefined) return `${kind} from ${min} to ${max}`;
  if (min !== undefined) return `${kind} of at least ${min}`;
  if (max !== undefined) return `${kind} of at most ${max}`;
  return kind;
}

/**
 * Coerces a value to the option's type and, for a number, checks `integer`, `min` and `max`.
 * Throws {@link CoercionFailure} saying what was wanted.
 */
export function coerceChecked(option: OptionDefinition, raw: unknown): unknown {
  let value: unknown;
  try {
    value = coerceOption(option.type, raw);
  } catch (err) {
    // Not a number, or an unsafe one where both bounds say more precisely what is wanted.
    const bounded = option.min !== undefined && option.max !== undefined;
    if (
      err instanceof CoercionFailure &&
      option.type === 'number' &&
      (err.wanted === 'a number' || (err.wanted === UNSAFE_NUMBER && bounded))
    ) {
      throw new CoercionFailure(numberWanted(option));
    }
    throw err;
  }
  if (option.type === 'number' && typeof value === 'number') {
    const { min, max } = option;
    if (
      (option.integer && !Number.isInteger(value)) ||
      (min !== undefined && value < min) ||
      (max !== undefined && value > max)
    ) {
      throw new CoercionFailure(numberWanted(option));
    }
  }
  return value;
}

/** A value of the right type that is not one of the option's `choices`. */
export class ChoiceFailure extends CoercionFailure {}

/** Like {@link coerceChecked}, and the value (each element of an array) must be one of `choices`. */
export function checkOptionValue(option: OptionDefinition, raw: unknown): unknown {
  const value = coerceChecked(option, raw);
  if (option.choices && value !== undefined) {
    const allowed = option.choices.map(String);
    const items = Array.isArray(value) ? (value as unknown[]) : [value];
    if (items.some((v) => !allowed.includes(String(v))))
      throw new ChoiceFailure(`one of ${allowed.join(', ')}`);
  }
  return value;
}
