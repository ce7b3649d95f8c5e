import type { CommandNode, OptionDefinition, PositionalDefinition } from '../../definitions/types';
import { isGroup } from '../../definitions/types';
import { commandOptions } from '../../parsing/commandOptions';
import { findChild } from '../../routing/route';

/**
 * What the last word on the line is: a command name, an option name, a value of an option or a
 * positional, or nothing known. `prefix` is the part of the word before the value (`--lang=`).
 */
export type CompletionTarget =
  | { kind: 'commands'; nodes: readonly CommandNode[]; current: string }
  | { kind: 'options'; path: readonly CommandNode[]; current: string }
  | {
      kind: 'value';
      def: OptionDefinition | PositionalDefinition;
      isOption: boolean;
      prefix: string;
      current: string;
    }
  | { kind: 'none' };

/** The option a word names (`--name`, `--alias`, `-x`, `--no-name`), if the path accepts it. */
export function findOption(path: readonly CommandNode[], word: string): OptionDefinition | undefined {
  const name = word.replace(/^--?/, '').split('=')[0] ?? '';
  const options = commandOptions(path);
  const found = options.find((o) => o.name === name || (o.aliases ?? []).includes(name));
  if (found || !name.startsWith('no-')) return found;
  return options.find((o) => o.type === 'boolean' && o.name === name.slice(3));
}

const takesValue = (o: OptionDefinition): boolean => o.type !== 'boolean' && o.type !== 'count';

/** Reads the words before the last one (the one being completed) against the tree. */
export function completionTarget(tree: readonly CommandNode[], words: readonly string[]): CompletionTarget {
  const current = words[words.length - 1] ?? '';
  const before = words.slice(0, -1);
  const path: CommandNode[] = [];
  let children: readonly CommandNode[] | undefined = tree;
  let positionals = 0;
  let afterDashDash = false;
  for (let i = 0; i < before.length; i++) {
    const word = before[i] as string;
    if (!afterDashDash && word === '--') afterDashDash = true;
    else if (!afterDashDash && word.startsWith('-') && word !== '-') {
      const option = word.includes('=') ? undefined : findOption(path, word);
      if (!option || !takesValue(option)) continue;
      if (i === before.length - 1) return { kind: 'value', def: option, isOption: true, prefix: '', current };
      i++;
    } else if (children) {
      const child = findChild(children, word);
      if (!child) return { kind: 'none' };
      path.push(child);
      children = isGroup(child) ? child.children : undefined;
    } else positionals++;
  }
  if (!afterDashDash && current.startsWith('--') && current.includes('=')) {
    const option = findOption(path, current);
    const eq = current.indexOf('=');
    return option
      ? {
          kind: 'value',
          def: option,
          isOption: true,
          prefix: current.slice(0, eq + 1),
          current: current.slice(eq + 1),
        }
      : { kind: 'none' };
  }
  if (!afterDashDash && current.startsWith('-')) return { kind: 'options', path, current };
  if (children) return { kind: 'commands', nodes: children, current };
  const node = path[path.length - 1];
  const defs = node && !isGroup(node) ? (node.positionals ?? []) : [];
  const def = defs[Math.min(positionals, defs.length - 1)];
  if (!def || (positionals >= defs.length && !def.variadic)) return { kind: 'none' };
  return { kind: 'value', def, isOption: false, prefix: '', current };
}
