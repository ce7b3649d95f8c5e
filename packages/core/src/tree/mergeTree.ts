import type { CommandNode } from '../definitions/types';

/** Top-level names and aliases a list of nodes claims. */
export function claimedNames(nodes: readonly CommandNode[]): string[] {
  return nodes.flatMap((n) => [n.name, ...(n.aliases ?? [])]);
}

/**
 * Merges command nodes first-come: `builtins`, then each source's nodes in order. A node whose
 * name or an alias is already claimed is skipped with one warning.
 */
export function mergeTree(
  builtins: readonly CommandNode[],
  sources: readonly { name: string; commands: readonly CommandNode[] }[],
): { tree: CommandNode[]; warnings: string[] } {
  const tree = [...builtins];
  const taken = new Set(claimedNames(builtins));
  const warnings: string[] = [];
  for (const source of sources) {
    for (const node of source.commands) {
      const names = [node.name, ...(node.aliases ?? [])];
      const clash = names.find((n) => taken.has(n));
      if (clash !== undefined) {
        warnings.push(
          `Command "${node.name}" from ${source.name} was skipped: the name "${clash}" is already taken.`,
        );
        continue;
      }
      names.forEach((n) => taken.add(n));
      tree.push(node);
    }
  }
  return { tree, warnings };
}
