import type { OptionType } from '../definitions/types';

/** Thrown by the coercers; the caller turns it into a usage error naming where the value came from. */
export class CoercionFailure extends Error {
  constructor(readonly wanted: string) {
    super(`wanted ${wanted}`);
  }
}

/** What a number beyond the safe integers is refused with (it would have lost precision). */
export const UNSAFE_NUMBER = `a number from -${Number.MAX_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}`;

/**
 * A number from text, or a failure (empty text, NaN and infinities are refused, and so is any
 * number beyond Number.MAX_SAFE_INTEGER either way: `9007199254740993` would silently be
 * `9007199254740992`).
 */
export function toNumber(raw: unknown): number {
  let n: number | undefined;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'string' && raw.trim() !== '') n = Number(raw);
  if (n === undefined || !Number.isFinite(n)) throw new CoercionFailure('a number');
  if (Math.abs(n) > Number.MAX_SAFE_INTEGER) throw new CoercionFailure(UNSAFE_NUMBER);
  return n;
}

/** The words a boolean accepts, from a flag (`--shout=yes`), an environment variable or the config file. */
export const BOOLEAN_WORDS: readonly (readonly [string, boolean])[] = [
  ['true', true],
  ['false', false],
  ['yes', true],
  ['no', false],
  ['1', true],
  ['0', false],
  ['on', true],
  ['off', false],
];

/** `true`/`false` for one of {@link BOOLEAN_WORDS} (any case, surrounding spaces ignored), else undefined. */
export function booleanWord(text: string): boolean | undefined {
  const key = text.trim().toLowerCase();
  return BOOLEAN_WORDS.find(([word]) => word === key)?.[1];
}

/** The accepted boolean words as a message lists them. */
export const BOOLEAN_WANTED = `one of ${BOOLEAN_WORDS.map(([word]) => word).join(', ')}`;

function toBoolean(raw: unknown): boolean {
  if (typeof raw === 'boolean') return raw;
  const text = String(raw);
  if (text.trim() === '') return false;
  const value = booleanWord(text);
  if (value === undefined) throw new CoercionFailure(BOOLEAN_WANTED);
  return value;
}

function toArray(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.map(String);
  const text = String(raw).trim();
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // fall through to the comma-separated form
    }
  }
  return text === ''
    ? []
    : text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
}

/**
 * Coerces a value from a flag, an environment variable (text) or the config file (JSON) to an
 * option's type. Arrays from text are comma-separated or a JSON array.
 */
export function coerceOption(type: OptionType, raw: unknown): unknown {
  switch (type) {
    case 'string':
      if (Array.isArray(raw)) return String(raw[raw.length - 1] ?? '');
      if (typeof raw === 'object' || typeof raw === 'boolean') throw new CoercionFailure('a string');
      return String(raw);
    case 'number':
      return toNumber(Array.isArray(raw) ? raw[raw.length - 1] : raw);
    case 'boolean':
      return toBoolean(Array.isArray(raw) ? raw[raw.length - 1] : raw);
    case 'array':
      return toArray(raw);
    case 'count': {
      const n = toNumber(raw);
      if (!Number.isInteger(n) || n < 0) throw new CoercionFailure('a whole number');
      return n;
    }
  }
}
