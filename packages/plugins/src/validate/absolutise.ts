import { resolve } from 'node:path';
import type { CommandNode } from '@edict/core';

/** A declared command node with every handler path resolved against the plugin root. */
export function absolutise(node: CommandNode, root: string): CommandNode {
  if (node.kind === 'group') return { ...node, children: node.children.map((c) => absolutise(c, root)) };
  return typeof node.handler === 'string' ? { ...node, handler: resolve(root, node.handler) } : node;
}
