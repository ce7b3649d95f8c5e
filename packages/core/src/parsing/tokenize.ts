import type { OptionDefinition } from '../definitions/types';
import { usageError } from '../errors/EdictError';
import { settleExplicitValues } from './explicitValues';

/** What the command line itself said: option values by canonical name, and positionals. */
export interface Tokens {
  flags: Record<string, unknown>;
  positionals: string[];
}

/**
 * Tokenizes argv with yargs-parser (required here, lazily) configured from the option
 * definitions. Numbers stay strings so that coercion can name the option and value when it fails.
 * Booleans with `=<word>` and options missing their value are settled first ({@link settleExplicitValues}).
 */
export function tokenize(
  argv: readonly string[],
  options: readonly OptionDefinition[],
  hint: string,
): Tokens {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const parse = require('yargs-parser') as typeof import('yargs-parser');
  const byType = (...types: string[]): string[] =>
    options.filter((o) => types.includes(o.type)).map((o) => o.name);
  const alias: Record<string, string[]> = {};
  for (const o of options) if (o.aliases?.length) alias[o.name] = [...o.aliases];
  const parsed = parse(settleExplicitValues(argv, options, hint), {
    boolean: byType('boolean'),
    string: byType('string', 'number'),
    array: byType('array'),
    count: byType('count'),
    alias,
    configuration: {
      'camel-case-expansion': false,
      'dot-notation': false,
      'parse-numbers': false,
      'parse-positional-numbers': false,
      'strip-aliased': true,
      'greedy-arrays': false,
      'populate--': true,
      'duplicate-arguments-array': true,
    },
  });
  const known = new Set(options.map((o) => o.name));
  const flags: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (key === '_' || key === '--') continue;
    if (!known.has(key)) throw unknownOption(key, value, options, hint);
    flags[key] = value;
  }
  const positionals = [...(parsed._ ?? []), ...((parsed['--'] as unknown[] | undefined) ?? [])].map(String);
  return { flags, positionals };
}

function unknownOption(
  key: string,
  value: unknown,
  options: readonly OptionDefinition[],
  hint: string,
): Error {
  const shown = key.length === 1 ? `-${key}` : value === false ? `--no-${key}` : `--${key}`;
  const visible = options
    .filter((o) => !o.hidden)
    .flatMap((o) => [o.name, ...(o.aliases ?? []).filter((a) => a.length > 1)]);
  const suggestion =
    key.length > 1
      ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- only an unknown option needs it
        (require('../routing/suggest') as typeof import('../routing/suggest')).closest(key, visible)
      : undefined;
  return usageError(
    'EDICT_UNKNOWN_OPTION',
    `Unknown option ${shown}.${suggestion ? ` Did you mean --${suggestion}?` : ''}`,
    {
      hint,
      details: { option: shown, ...(suggestion ? { suggestion: `--${suggestion}` } : {}) },
    },
  );
}
