import type { CommandNode, OptionDefinition } from '../definitions/types';
import { isGroup } from '../definitions/types';
import { usageError } from '../errors/EdictError';
import { CoercionFailure } from '../parsing/coerce';
import { checkOptionValue, ChoiceFailure } from '../parsing/checkValue';

/** An option a config key sets, with the command path that declares it. */
export interface KeyedOption {
  option: OptionDefinition;
  path: string[];
}

/**
 * The options a config key answers to: a bare name sets every option of that name, `a.b.opt` only that one.
 */
export function optionsForKey(tree: readonly CommandNode[], key: string): KeyedOption[] {
  const found: KeyedOption[] = [];
  const walk = (nodes: readonly CommandNode[], path: string[]): void => {
    for (const node of nodes) {
      const here = [...path, node.name];
      for (const option of node.options ?? []) {
        if (option.config !== false && (key === option.name || key === `${here.join('.')}.${option.name}`))
          found.push({ option, path: here });
      }
      if (isGroup(node)) walk(node.children, here);
    }
  };
  walk(tree, []);
  return found;
}

/**
 * Refuses, before it is saved, a config value that an option it sets would refuse at run time
 * (type, `choices`, `integer`, `min`, `max`): a usage error (`EDICT_INVALID_VALUE`, or
 * `EDICT_INVALID_CHOICE` outside the choices) naming the key, value, option and what it wants.
 */
export function checkConfigValue(
  tree: readonly CommandNode[],
  key: string,
  value: unknown,
  cliName: string,
): void {
  for (const { option, path } of optionsForKey(tree, key)) {
    try {
      checkOptionValue(option, value);
    } catch (err) {
      if (!(err instanceof CoercionFailure)) throw err;
      const command = [cliName, ...path].join(' ');
      const shown = typeof value === 'string' ? value : JSON.stringify(value);
      const code = err instanceof ChoiceFailure ? 'EDICT_INVALID_CHOICE' : 'EDICT_INVALID_VALUE';
      throw usageError(
        code,
        `Invalid value "${shown}" for config key ${key}` +
          `: option --${option.name} of ${command}` +
          ` wants ${err.wanted}. Nothing was saved.`,
        {
          hint: `${command} --help`,
          details: { key, value, option: option.name, command: path, wanted: err.wanted },
        },
      );
    }
  }
}
