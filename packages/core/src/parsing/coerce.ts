import type { OptionType } from '../definitions/types';

/** Thrown by the coercers; the caller turns it into a usage error naming where the value came from. */
export class CoercionFailure extends Error {
  constructor(readonly wanted: string) {
    super(`wanted ${wanted}`);
  }
}

/** A number from text, or a failure (empty text, NaN and infinities are refused). */
export function toNumber(raw: unknown): number {
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  if (typeof raw === 'string' && raw.trim() !== '') {
    const n = Number(raw);
    if (Number.isFinite(n)) return n;
  }
  throw new CoercionFailure('a number');
}

function toBoolean(raw: unknown): boolean {
  if (typeof raw === 'boolean') return raw;
  const text = String(raw).trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(text)) return false;
  throw new CoercionFailure('true or false');
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
  return text === '' ? [] : text.split(',').map((s) => s.trim()).filter((s) => s !== '');
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
