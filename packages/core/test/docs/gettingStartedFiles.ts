import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const repo = join(__dirname, '..', '..', '..', '..');

/**
 * Writes the project docs/getting-started.md builds, from its json and js blocks in order:
 * package.json, lib/main.js, lib/greet.js, bin/hello.js.
 */
export function writeGettingStartedProject(project: string): void {
  const page = readFileSync(join(repo, 'docs', 'getting-started.md'), 'utf8');
  const blocks = [...page.matchAll(/```(json|js)\n([\s\S]*?)```/g)].map((m) => m[2] ?? '');
  const files: Record<string, string | undefined> = {
    'package.json': blocks[0],
    'lib/main.js': blocks[1],
    'lib/greet.js': blocks[2],
    'bin/hello.js': blocks[3],
  };
  for (const [file, text] of Object.entries(files)) {
    if (text === undefined) throw new Error(`docs/getting-started.md lost the block for ${file}`);
    mkdirSync(dirname(join(project, file)), { recursive: true });
    writeFileSync(join(project, file), text);
  }
}
