import type { CommandNode, GroupDefinition } from '../definitions/types';
import { isGroup } from '../definitions/types';
import { usageError } from '../errors/EdictError';

/** Where argv leads in the command tree. */
export interface Route {
  /** Nodes from the top level down to the reached node (empty at the root). */
  path: CommandNode[];
  /** Canonical names along `path`. */
  names: string[];
  /** The argv left after the command words. */
  rest: string[];
}

/** Finds a child by name or alias. */
export function findChild(children: readonly CommandNode[], word: string): CommandNode | undefined {
  return children.find((c) => c.name === word || (c.aliases ?? []).includes(word));
}

/** The reached node, or undefined at the root. */
export function routeNode(route: Route): CommandNode | undefined {
  return route.path[route.path.length - 1];
}

/**
 * Walks the command words at the start of argv down the tree. An unknown word below a group
 * (or the root) is a usage error with a "did you mean" suggestion.
 */
export function route(tree: readonly CommandNode[], argv: readonly string[], cliName: string): Route {
  const path: CommandNode[] = [];
  let children: readonly CommandNode[] = tree;
  let i = 0;
  for (; i < argv.length; i++) {
    const word = argv[i] as string;
    if (word.startsWith('-')) break;
    const child = findChild(children, word);
    if (!child) {
      const names = [cliName, ...path.map((n) => n.name)];
      const visible = children.filter((c) => !c.hidden).flatMap((c) => [c.name, ...(c.aliases ?? [])]);
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- only an unknown command needs it
      const suggestion = (require('./suggest') as typeof import('./suggest')).closest(word, visible);
      const where = path.length === 0 ? cliName : names.join(' ');
      throw usageError(
        'EDICT_UNKNOWN_COMMAND',
        `Unknown command "${word}" for ${where}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        {
          hint: `${names.join(' ')} --help`,
          details: { command: word, ...(suggestion ? { suggestion } : {}) },
        },
      );
    }
    path.push(child);
    if (!isGroup(child)) {
      i++;
      break;
    }
    children = (child as GroupDefinition).children;
  }
  return { path, names: path.map((n) => n.name), rest: argv.slice(i) };
}
