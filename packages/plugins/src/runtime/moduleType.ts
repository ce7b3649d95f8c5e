import { isEsmFile, isGroup, type CommandNode } from '@edict/core';
import type { LoadedDefinitions } from '../validate/readDefinitions';

/** Every handler path of a command tree. */
export function handlerFiles(nodes: readonly CommandNode[]): string[] {
  return nodes.flatMap((n) =>
    isGroup(n) ? handlerFiles(n.children) : typeof n.handler === 'string' ? [n.handler] : [],
  );
}

/**
 * The module type recorded for an installed plugin at install: `module` when its package.json
 * says `"type": "module"`, or when any handler or hook file it declares is ESM as Node decides
 * (a nested package.json's type, or ESM syntax in a `.js` file no package.json types, which
 * Node runs as ESM by syntax detection); else `commonjs`. A plugin recorded `module` has its
 * `.js` files imported, which also runs a CommonJS one as CommonJS.
 */
export function pluginModuleType(
  pkgType: unknown,
  defs: Pick<LoadedDefinitions, 'commands' | 'hooks'>,
): 'commonjs' | 'module' {
  if (pkgType === 'module') return 'module';
  const files = [...handlerFiles(defs.commands), ...Object.values(defs.hooks)];
  return files.some((f) => f !== undefined && isEsmFile(f)) ? 'module' : 'commonjs';
}
