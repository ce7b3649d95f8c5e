import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CreateError } from './errors';
import type { ProjectFile } from './templates';

/** Throws unless `dir` is missing, empty, or `force` is set. */
export function checkTarget(dir: string, force: boolean): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) {
    throw new CreateError('EDICT_CREATE_NOT_A_FOLDER', `${dir} exists and is not a folder.`, {
      hint: 'npm create edict <another-folder>',
    });
  }
  const entries = readdirSync(dir);
  if (entries.length && !force) {
    throw new CreateError(
      'EDICT_CREATE_NOT_EMPTY',
      `${dir} is not empty (${entries.length}` +
        ` entries, e.g. ${entries.slice(0, 3).join(', ')}` +
        `); nothing was written.`,
      {
        hint: `npm create edict ${dir} -- --force   (overwrites files with the same names)`,
      },
    );
  }
}

/** Writes the files under `dir`, making `bin/*` files executable. */
export function writeFiles(dir: string, files: readonly ProjectFile[]): void {
  for (const file of files) {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    if (file.path.startsWith('bin/')) chmodSync(target, 0o755);
  }
}
