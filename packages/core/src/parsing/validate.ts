import type { OptionDefinition } from '../definitions/types';
import { usageError } from '../errors/EdictError';
import type { LayeredOptions } from './layerOptions';

/**
 * Checks choices, conflicts, implies and (unless `checkRequired` is false) required; returns
 * deprecation warnings to print.
 */
export function validateOptions(
  options: readonly OptionDefinition[],
  layered: Pick<LayeredOptions, 'values' | 'sources'>,
  helpHint: string,
  checkRequired = true,
): string[] {
  const { values, sources } = layered;
  const byName = new Map(options.map((o) => [o.name, o]));
  const warnings: string[] = [];
  const given = (name: string): boolean => sources[name] !== undefined && sources[name] !== 'default';

  for (const option of options) {
    const value = values[option.name];
    if (option.choices && value !== undefined) {
      const allowed = option.choices.map(String);
      const items = Array.isArray(value) ? value : [value];
      const bad = items.find((v) => !allowed.includes(String(v)));
      if (bad !== undefined) {
        throw usageError(
          'EDICT_INVALID_CHOICE',
          `Invalid value "${String(bad)}" for --${option.name}: choose from ${allowed.join(', ')}.`,
          {
            hint: helpHint,
            details: { option: option.name, value: bad, choices: allowed },
          },
        );
      }
    }
    const fromFile = sources[option.name] === 'config' || sources[option.name] === 'profile';
    if (option.deprecated && given(option.name) && !fromFile) {
      const info = typeof option.deprecated === 'object' ? option.deprecated : {};
      const replacement = info.replacement ? ` Use --${info.replacement} instead.` : '';
      warnings.push(
        `Option --${option.name} is deprecated.${replacement}${info.message ? ` ${info.message}` : ''}`,
      );
      // The old option keeps working: its value moves to the replacement unless that was given too.
      if (info.replacement && byName.has(info.replacement) && !given(info.replacement)) {
        values[info.replacement] = value;
        sources[info.replacement] = sources[option.name] as LayeredOptions['sources'][string];
      }
    }
  }
  for (const option of options) {
    // Conflicts count command-line flags only, so a config default cannot make a command unusable.
    if (sources[option.name] === 'flag') {
      const clash = (option.conflicts ?? []).find((other) => sources[other] === 'flag');
      if (clash) {
        throw usageError(
          'EDICT_CONFLICTING_OPTIONS',
          `Options --${option.name} and --${clash} cannot be used together.`,
          {
            hint: helpHint,
            details: { option: option.name, conflictsWith: clash },
          },
        );
      }
    }
    if (given(option.name) && values[option.name] !== false) {
      const missing = (option.implies ?? []).find((other) => !given(other));
      if (missing) {
        throw usageError(
          'EDICT_MISSING_IMPLIED_OPTION',
          `Option --${option.name} needs --${missing} as well.`,
          {
            hint: helpHint,
            details: { option: option.name, implies: missing },
          },
        );
      }
    }
  }
  for (const option of options) {
    if (checkRequired && option.required && values[option.name] === undefined) {
      throw usageError('EDICT_MISSING_OPTION', `Missing required option --${option.name}.`, {
        hint: helpHint,
        details: { option: option.name },
      });
    }
  }
  return warnings;
}
