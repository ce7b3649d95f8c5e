import type { CommandDefinition, OptionDefinition, PositionalDefinition } from '../definitions/types';
import { envVarName } from '../parsing/layerOptions';

/** Joins a bracketed fact with no-break spaces so wrapping never splits it; {@link wrap} turns them back. */
export function keepTogether(fact: string): string {
  return fact.replace(/ /g, '\u00a0');
}

/** `-s, --shout` / `-t, --times <number>` / `--tag <value...>` */
export function optionTerm(option: OptionDefinition): string {
  const shorts = (option.aliases ?? []).filter((a) => a.length === 1).map((a) => `-${a}`);
  const longs = [option.name, ...(option.aliases ?? []).filter((a) => a.length > 1)].map((a) => `--${a}`);
  const value =
    option.type === 'string'
      ? ' <string>'
      : option.type === 'number'
        ? ' <number>'
        : option.type === 'array'
          ? ' <value...>'
          : '';
  return `${[...shorts, ...longs].join(', ')}${value}`;
}

/** Summary plus the facts in brackets: type, integer/min/max, choices, default, required, env var name. */
export function optionDescription(option: OptionDefinition, envPrefix: string): string {
  const facts = [`[${option.type}]`];
  if (option.type === 'number') {
    if (option.integer) facts.push('[integer]');
    if (option.min !== undefined) facts.push(`[min: ${option.min}]`);
    if (option.max !== undefined) facts.push(`[max: ${option.max}]`);
  }
  if (option.choices) facts.push(`[choices: ${option.choices.join(', ')}]`);
  if (option.default !== undefined) facts.push(`[default: ${JSON.stringify(option.default)}]`);
  if (option.required) facts.push('[required]');
  if (option.conflicts?.length)
    facts.push(`[conflicts: ${option.conflicts.map((c) => `--${c}`).join(', ')}]`);
  if (option.implies?.length) facts.push(`[implies: ${option.implies.map((c) => `--${c}`).join(', ')}]`);
  if (option.deprecated) {
    const replacement = typeof option.deprecated === 'object' && option.deprecated.replacement;
    facts.push(replacement ? `[deprecated: use --${replacement}]` : '[deprecated]');
  }
  const env = envVarName(option, envPrefix);
  if (env) facts.push(`[env: ${env}]`);
  return `${option.summary} ${facts.map(keepTogether).join(' ')}`;
}

/** `<name>` / `[name]` / `<files...>` */
export function positionalTerm(p: PositionalDefinition): string {
  const inner = `${p.name}${p.variadic ? '...' : ''}`;
  return p.required ? `<${inner}>` : `[${inner}]`;
}

/** Summary plus type and choices. */
export function positionalDescription(p: PositionalDefinition): string {
  const facts: string[] = [];
  if (p.type === 'number') facts.push('[number]');
  if (p.choices) facts.push(`[choices: ${p.choices.join(', ')}]`);
  if (p.required) facts.push('[required]');
  return [p.summary, ...facts.map(keepTogether)].join(' ');
}

/** The usage line of a command: `mycli greet <name> [options]`. */
export function commandUsage(
  names: readonly string[],
  command: CommandDefinition,
  hasOptions: boolean,
): string {
  const positionals = (command.positionals ?? []).map(positionalTerm);
  return [...names, ...positionals, ...(hasOptions ? ['[options]'] : [])].join(' ');
}

/** An example's command line with `$0` replaced by the CLI's name (plugins do not know it). */
export function exampleCommand(command: string, cliName: string): string {
  return command.replace(/\$0(?![\w])/g, cliName);
}
