import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isEsmFile } from '../../src/handlers/isEsmFile';

// Each case is a real file; Node itself is asked how it ran it, and isEsmFile must agree.
let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'edict-esm-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ESM = 'export const x = 1;\n';
const CJS = 'exports.x = 1;\n';
const cases: [string, Record<string, string>, string, boolean][] = [
  ['.mjs by its extension', { 'package.json': '{"type":"commonjs"}' }, 'a.mjs', true],
  ['.cjs by its extension', { 'package.json': '{"type":"module"}' }, 'a.cjs', false],
  [
    '.js in a "type": "module" package',
    { 'package.json': '{"type":"module"}', 'a.js': CJS.replace('exports.x = 1', 'export const x = 1') },
    'a.js',
    true,
  ],
  [
    '.js with ESM syntax and no type (syntax detection)',
    {
      'package.json': '{"name":"p"}',
      'lib/a.js': "import { join } from 'node:path';\nexport const x = join('a');\n",
    },
    'lib/a.js',
    true,
  ],
  [
    '.js with import.meta and no type',
    { 'package.json': '{}', 'a.js': 'globalThis.url = import.meta.url;\n' },
    'a.js',
    true,
  ],
  [
    '.js with top-level await and no type',
    { 'package.json': '{}', 'a.js': 'await Promise.resolve();\n' },
    'a.js',
    true,
  ],
  [
    '.js with CommonJS syntax and no type',
    { 'package.json': '{}', 'a.js': `${CJS}const s = "import x from 'y'";\n` },
    'a.js',
    false,
  ],
  [
    '.js in a folder whose nearest package.json says module',
    { 'package.json': '{}', 'lib/package.json': '{"type":"module"}', 'lib/a.js': ESM },
    'lib/a.js',
    true,
  ],
  [
    '.js with ESM syntax whose nearest package.json says commonjs: an error for Node, not ESM',
    { 'package.json': '{"type":"commonjs"}', 'a.js': ESM },
    'a.js',
    false,
  ],
];

/** How Node ran `file`: `esm`, `cjs`, or `error`. */
function howNodeRuns(file: string): string {
  const probe =
    `import(${JSON.stringify(pathToFileURL(file).href)}).then(() => console.log(globalThis.__format ` +
    `?? 'esm'), () => console.log('error'))`;
  const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  return r.stdout.trim();
}

describe('isEsmFile decides as Node does', () => {
  test.each(cases)('%s', (_name, files, file, esm) => {
    const dir = mkdtempSync(join(root, 'case-'));
    const content = { [file]: file.endsWith('.mjs') ? ESM : CJS, ...files };
    for (const [path, text] of Object.entries(content)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      // A CommonJS file marks itself (an ESM one cannot reach `module`): Node's verdict is observable.
      const marked =
        path.endsWith('.json') || !text.includes('exports.x')
          ? text
          : `${text}globalThis.__format = typeof module === 'object' ? 'cjs' : 'esm';\n`;
      writeFileSync(join(dir, path), marked);
    }
    expect(isEsmFile(join(dir, file))).toBe(esm);
    const node = howNodeRuns(join(dir, file));
    expect(node).toBe(esm ? 'esm' : node === 'error' ? 'error' : 'cjs');
  });
});
