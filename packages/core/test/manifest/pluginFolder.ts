import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Definitions every fixture shares: a group `hello` with one command `world`. */
export const HELLO_TREE = [
  {
    kind: 'group',
    name: 'hello',
    summary: 'Greetings',
    children: [{ name: 'world', summary: 'Greet', handler: './handlers/world.js' }],
  },
];

/**
 * A plugin folder in a temp dir: package.json (name, version, edict.commands and any extra
 * fields) plus the given files. `cleanup` removes it.
 */
export function pluginFolder(
  pkg: Record<string, unknown>,
  files: Record<string, string>,
): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'edict-manifest-'));
  const all = {
    'package.json': JSON.stringify({ name: 'demo-plugin', version: '1.2.3', ...pkg }),
    'handlers/world.js': 'exports.handler = () => 1;\n',
    ...files,
  };
  for (const [file, content] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
