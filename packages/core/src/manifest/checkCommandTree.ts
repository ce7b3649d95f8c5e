import { posix, win32 } from 'node:path';
import type { CommandNode } from '../definitions/types';

const WORD = /^[a-z0-9][a-z0-9-]*$/i;

type Plain = Record<string, unknown>;

const isObject = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether `path` is relative and stays inside the folder it is relative to (either separator). */
function isContainedRelativePath(path: string): boolean {
  if (posix.isAbsolute(path) || win32.isAbsolute(path)) return false;
  const normal = posix.normalize(path.replace(/\\/g, '/'));
  return normal !== '..' && !normal.startsWith('../');
}

function handlerError(handler: unknown): string | undefined {
  if (typeof handler === 'function')
    return '"handler" must be a path; handlers are loaded only when their command runs';
  if (typeof handler !== 'string' || handler === '')
    return '"handler" must be a non-empty string, a path relative to the plugin root';
  return isContainedRelativePath(handler)
    ? undefined
    : '"handler" must be a path relative to the plugin root';
}

function listErrors(node: Plain, field: 'options' | 'positionals'): string[] {
  const list = node[field];
  if (list === undefined) return [];
  if (!Array.isArray(list)) return [`"${field}" must be an array`];
  return list.flatMap((item: unknown, i) =>
    isObject(item) && typeof item.name === 'string'
      ? []
      : [`${field} ${i} must be an object with a string "name"`],
  );
}

/** The problems of one node's own fields (not of its children). */
function ownErrors(node: Plain): string[] {
  const errors: string[] = [];
  if (typeof node.name !== 'string' || !WORD.test(node.name))
    errors.push('"name" must be a word of letters, digits and dashes');
  if (typeof node.summary !== 'string') errors.push('"summary" must be a string');
  const aliases = node.aliases;
  if (
    aliases !== undefined &&
    !(Array.isArray(aliases) && aliases.every((a) => typeof a === 'string' && WORD.test(a)))
  ) {
    errors.push('"aliases" must be an array of words of letters, digits and dashes');
  }
  errors.push(...listErrors(node, 'options'), ...listErrors(node, 'positionals'));
  if (node.kind === 'group') {
    if (!Array.isArray(node.children)) errors.push('a group must have a "children" array');
  } else if (node.kind === undefined || node.kind === 'command') {
    const problem = handlerError(node.handler);
    if (problem) errors.push(problem);
  } else {
    errors.push('"kind" must be "group" or "command"');
  }
  return errors;
}

function checkNodes(value: unknown, where: string, ancestors: Set<unknown>, errors: string[]): CommandNode[] {
  if (!Array.isArray(value)) {
    errors.push(`${where ? `${where}: "children"` : '"commands"'} must be an array of command nodes`);
    return [];
  }
  const valid: CommandNode[] = [];
  for (const [i, node] of (value as unknown[]).entries()) {
    const named = isObject(node) && typeof node.name === 'string' ? ` ${JSON.stringify(node.name)}` : '';
    const label = `${where ? `${where} › child` : 'command'} ${i}${named}`;
    if (!isObject(node)) {
      errors.push(`${label}: must be an object`);
      continue;
    }
    if (ancestors.has(node)) {
      errors.push(`${label}: contains itself`);
      continue;
    }
    const own = ownErrors(node);
    errors.push(...own.map((e) => `${label}: ${e}`));
    if (own.length > 0) continue;
    const { children, ...fields } = node;
    let copy: Plain;
    try {
      copy = JSON.parse(JSON.stringify(fields)) as Plain;
    } catch (err) {
      errors.push(`${label}: is not plain JSON data (${(err as Error).message})`);
      continue;
    }
    if (node.kind === 'group') {
      ancestors.add(node);
      copy.children = checkNodes(children, label, ancestors, errors);
      ancestors.delete(node);
    }
    valid.push(copy as unknown as CommandNode);
  }
  return valid;
}

/**
 * Checks that a value is a command tree a plugin may ship: an array of nodes, each with a
 * `name` word, a string `summary`, optional `aliases` words, options and positionals with string
 * names, and either `kind: 'group'` with `children` (checked the same way) or a `handler` that is
 * a path relative to the plugin root that does not leave it. Pure: it touches no file.
 *
 * @returns Deep copies (plain JSON data) of the valid nodes — a node with a problem is left out
 * with everything below it — and one message per problem, naming where it is
 * (`command 0 "hello" › child 1 "x": …`).
 */
export function checkCommandTree(value: unknown): { commands: CommandNode[]; errors: string[] } {
  const errors: string[] = [];
  const commands = checkNodes(value, '', new Set(), errors);
  return { commands, errors };
}
