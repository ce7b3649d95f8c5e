import type { OptionDefinition } from '../definitions/types';
import { usageError } from '../errors/EdictError';
import { BOOLEAN_WANTED, BOOLEAN_WORDS, booleanWord } from './coerce';

const TAKES_VALUE = new Set(['string', 'number', 'array']);
const LONG = /^--([^=]+)(?:=([\s\S]*))?$/;
const SHORT = /^-([A-Za-z])(?:=([\s\S]*))?$/;
const CLUSTER = /^-[A-Za-z]{2,}$/;
const NEGATIVE_NUMBER = /^-\.?\d/;

/**
 * Settles, before yargs-parser sees argv, what it would otherwise guess: a boolean given
 * `--shout=<word>` (or `-s=<word>`) means that word (`yes`, `0`, … as in {@link BOOLEAN_WORDS})
 * and becomes `--shout` or `--no-shout`; any other word is a usage error. A string, number or
 * array option followed by nothing or by another flag is a usage error ("needs a value"),
 * never an empty value. Arguments after `--` are left alone.
 */
export function settleExplicitValues(
  argv: readonly string[],
  options: readonly OptionDefinition[],
  hint: string,
): string[] {
  const byFlag = new Map<string, OptionDefinition>();
  for (const o of options) for (const n of [o.name, ...(o.aliases ?? [])]) byFlag.set(n, o);
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const match = LONG.exec(arg) ?? SHORT.exec(arg);
    const typed = match ? (match[1] as string) : CLUSTER.test(arg) ? arg.slice(-1) : undefined;
    const option = typed === undefined ? undefined : byFlag.get(typed);
    out.push(arg);
    if (!option || typed === undefined) continue;
    const shown = typed.length === 1 ? `-${typed}` : `--${typed}`;
    const explicit = match?.[2];
    if (option.type === 'boolean' && explicit !== undefined) {
      out[out.length - 1] = `--${booleanValue(option, shown, explicit, hint) ? '' : 'no-'}${option.name}`;
    } else if (TAKES_VALUE.has(option.type) && explicit === undefined) {
      const next = argv[i + 1];
      if (
        next === undefined ||
        next === '--' ||
        (next.startsWith('-') && next !== '-' && !NEGATIVE_NUMBER.test(next))
      ) {
        throw missingValue(option, shown, next, hint);
      }
      out.push(next);
      i++;
    }
  }
  return out;
}

function booleanValue(option: OptionDefinition, shown: string, word: string, hint: string): boolean {
  const value = booleanWord(word);
  if (value !== undefined) return value;
  throw usageError(
    'EDICT_INVALID_VALUE',
    `Invalid value "${word}" for option ${shown}: wanted ${BOOLEAN_WANTED}.`,
    {
      hint,
      details: { option: option.name, value: word, accepted: BOOLEAN_WORDS.map(([word]) => word) },
    },
  );
}

function missingValue(
  option: OptionDefinition,
  shown: string,
  next: string | undefined,
  hint: string,
): Error {
  const after =
    next === undefined ? '' : ` ("${next}" is not taken as one; write ${shown}=${next} if it is meant)`;
  return usageError('EDICT_MISSING_VALUE', `Option ${shown} needs a value${after}.`, {
    hint,
    details: { option: option.name, type: option.type, ...(next === undefined ? {} : { next }) },
  });
}
