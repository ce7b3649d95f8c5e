import { writeFileAtomic } from '@edict/core';

export { writeFileAtomic };

/** `writeFileAtomic` for a JSON value, pretty-printed with a final newline. */
export function writeJsonAtomic(path: string, value: unknown): void {
  writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}
