import type { CommandNode } from '../definitions/types';
import { isGroup } from '../definitions/types';
import { commandOptions } from '../parsing/commandOptions';
import { findChild } from '../routing/route';
import { GLOBAL_OPTIONS } from '../routing/globalFlags';

/**
 * Completion candidates for the words typed after the CLI name; the last word is the one being
 * completed (possibly empty). Works from the definitions, so plugin commands complete too.
 */
export function completionCandidates(tree: readonly CommandNode[], words: readonly string[]): string[] {
  const current = words[words.length - 1] ?? '';
  const path: CommandNode[] = [];
  let children: readonly CommandNode[] | undefined = tree;
  for (const word of words.slice(0, -1)) {
    if (word.startsWith('-') || !children) continue;
    const child = findChild(children, word);
    if (!child) break;
    path.push(child);
    children = isGroup(child) ? child.children : undefined;
  }
  const node = path[path.length - 1];
  let candidates: string[];
  if (current.startsWith('-')) {
    const options = commandOptions(path).filter((o) => !o.hidden);
    candidates = [
      ...options.flatMap((o) => [`--${o.name}`, ...(o.type === 'boolean' ? [`--no-${o.name}`] : [])]),
      ...GLOBAL_OPTIONS.filter((g) => node === undefined || !g.rootOnly).map((g) => g.flag),
    ];
  } else if (children) {
    candidates = children.filter((c) => !c.hidden).map((c) => c.name);
  } else {
    const optionValue = previousOptionChoices(path, words);
    candidates = optionValue ?? nextPositionalChoices(path, words);
  }
  return candidates.filter((c) => c.startsWith(current));
}

function previousOptionChoices(path: readonly CommandNode[], words: readonly string[]): string[] | undefined {
  const previous = words[words.length - 2];
  if (!previous?.startsWith('--')) return undefined;
  const option = commandOptions(path).find((o) => o.name === previous.slice(2));
  return option?.choices ? option.choices.map(String) : undefined;
}

function nextPositionalChoices(path: readonly CommandNode[], words: readonly string[]): string[] {
  const node = path[path.length - 1];
  if (!node || isGroup(node)) return [];
  const typed = words.slice(path.length, -1).filter((w) => !w.startsWith('-')).length;
  const positionals = node.positionals ?? [];
  const def = positionals[Math.min(typed, positionals.length - 1)];
  if (!def || (typed >= positionals.length && !def.variadic)) return [];
  return (def.choices ?? []).map(String);
}
