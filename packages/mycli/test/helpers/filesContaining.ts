import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` whose bytes contain `text`: where a secret must never be. */
export function filesContaining(dir: string, text: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesContaining(path, text);
    return readFileSync(path, 'latin1').includes(text) ? [path] : [];
  });
}
