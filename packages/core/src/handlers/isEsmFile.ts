import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The `type` of the package.json that governs `file` (`undefined` when none says). */
export function packageTypeOf(file: string): string | undefined {
  // Node's package scope lookup: the nearest package.json, never past a node_modules folder.
  for (let dir = dirname(file); basename(dir) !== 'node_modules'; dir = dirname(dir)) {
    let text: string | undefined;
    try {
      text = readFileSync(join(dir, 'package.json'), 'utf8');
    } catch {
      // none here (or unreadable, which Node skips too): look further up
    }
    if (text !== undefined) {
      try {
        const type = (JSON.parse(text) as { type?: unknown } | null)?.type;
        return typeof type === 'string' ? type : undefined;
      } catch {
        return undefined;
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
  return undefined;
}

// V8's messages for ESM syntax compiled as CommonJS, and for code that only fails as CommonJS
// (top-level await, redeclared CommonJS globals): the lists Node's own syntax detection uses.
const ESM_ONLY = [
  'Cannot use import statement outside a module',
  "Unexpected token 'export'",
  "Cannot use 'import.meta' outside a module",
];
const CJS_ONLY = [
  "Identifier 'module' has already been declared",
  "Identifier 'exports' has already been declared",
  "Identifier 'require' has already been declared",
  "Identifier '__filename' has already been declared",
  "Identifier '__dirname' has already been declared",
  'await is only valid in async functions and the top level bodies of modules',
];

// By name, not instanceof: the error may come from another realm (a test runner's context).
function syntaxErrorMessage(err: unknown): string {
  return typeof err === 'object' && err !== null && (err as Error).name === 'SyntaxError'
    ? String((err as Error).message)
    : '';
}

/**
 * Whether `source` is ESM by Node's syntax detection (on by default since Node 22.7 and 20.19):
 * it does not compile as a CommonJS module because of ESM syntax (`import`/`export` statements,
 * `import.meta`), or of top-level `await`. Compiles only: no code runs.
 */
export function hasModuleSyntax(source: string, filename = 'module.js'): boolean {
  // Required here: node:vm is needed only for a .js file no package.json types.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vm = require('node:vm') as typeof import('node:vm');
  // A `#!` line is valid at the start of a file only, not of the function body compiled below.
  source = source.replace(/^#!.*/, '');
  try {
    vm.compileFunction(source, ['exports', 'require', 'module', '__filename', '__dirname'], { filename });
    return false;
  } catch (err) {
    const message = syntaxErrorMessage(err);
    if (ESM_ONLY.includes(message)) return true;
    if (!CJS_ONLY.includes(message)) return false;
  }
  try {
    // As a module body would be: strict, await allowed, no CommonJS names bound.
    new vm.Script(`(async function () { 'use strict';\n${source}\n})`, { filename });
    return true;
  } catch (err) {
    return ESM_ONLY.includes(syntaxErrorMessage(err));
  }
}

/**
 * Whether Node runs `file` as ESM, decided as Node decides: `.mjs` yes and `.cjs` no by the
 * extension; a `.js` file by the `type` of the nearest package.json (`module` or `commonjs`),
 * and when that gives none, by its syntax ({@link hasModuleSyntax}). A `.js` file with ESM
 * syntax and no type is ESM even where this Node does not detect syntax: there it cannot load
 * either way. Reads package.json files, and the file itself only when no type is given.
 */
export function isEsmFile(file: string): boolean {
  if (file.endsWith('.mjs')) return true;
  if (!file.endsWith('.js')) return false;
  const type = packageTypeOf(file);
  if (type === 'module') return true;
  if (type === 'commonjs') return false;
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  return hasModuleSyntax(source, file);
}
