import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { CommandNode } from '../definitions/types';

function globToRegExp(pattern: string): RegExp {
  const source = pattern
    .split(/(\*\*\/?|\*)/)
    .map((part) =>
      part === '**' || part === '**/'
        ? '(?:.*/)?'
        : part === '*'
          ? '[^/]*'
          : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}(?:/.*)?$`);
}

/**
 * Whether an npm `files` list takes in `rel` (a `/`-separated path): a plain entry, a folder of it, or a `*`
 * glob.
 */
function filesInclude(files: readonly unknown[], rel: string): boolean {
  let included = false;
  for (const entry of files) {
    if (typeof entry !== 'string') continue;
    const negated = entry.startsWith('!');
    const pattern = (negated ? entry.slice(1) : entry)
      .replace(/\\/g, '/')
      .replace(/^(\.\/|\/)+/, '')
      .replace(/\/+$/, '');
    if (globToRegExp(pattern).test(rel)) included = !negated;
  }
  return included;
}

function* handlers(
  nodes: readonly CommandNode[],
  path: string[] = [],
): Generator<[label: string, handler: string]> {
  for (const node of nodes) {
    const here = [...path, node.name];
    if (node.kind === 'group') yield* handlers(node.children, here);
    else if (typeof node.handler === 'string') yield [here.join(' '), node.handler];
  }
}

/**
 * What would make the published plugin broken though the manifest is valid: a package.json
 * `files` list that leaves the manifest out of the tarball, and handler files that do not exist.
 */
export function manifestWarnings(
  root: string,
  files: unknown,
  manifestFile: string,
  commands: readonly CommandNode[],
): string[] {
  const warnings: string[] = [];
  const rel = relative(root, manifestFile).split(sep).join('/');
  if (Array.isArray(files) && !filesInclude(files, rel)) {
    warnings.push(
      `package.json "files" does not include ${rel}` +
        `: npm pack would leave the manifest out; add "${rel}` +
        `" to "files"`,
    );
  }
  for (const [label, handler] of handlers(commands)) {
    if (!existsSync(resolve(root, handler)))
      warnings.push(`the handler of "${label}" does not exist: ${handler}`);
  }
  return warnings;
}
