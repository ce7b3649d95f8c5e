import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A hash of a folder's whole content: every path, file byte and link target (not times), or
 * `absent`. Compare it before and after an operation to prove the operation changed nothing.
 * Entries named in `ignore` (at any depth) are left out, e.g. `.leases`, which a plugins
 * folder gains when plugin commands run.
 */
export function hashTree(root: string, options: { ignore?: readonly string[] } = {}): string {
  const ignore = new Set(options.ignore ?? []);
  const hash = createHash('sha256');
  if (!existsSync(root)) return 'absent';
  const walk = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (ignore.has(name)) continue;
      const abs = join(dir, name);
      const r = `${rel}/${name}`;
      const st = lstatSync(abs);
      if (st.isSymbolicLink()) hash.update(`L ${r} ${readlinkSync(abs)}\n`);
      else if (st.isDirectory()) {
        hash.update(`D ${r}\n`);
        walk(abs, r);
      } else hash.update(`F ${r} ${createHash('sha256').update(readFileSync(abs)).digest('hex')}\n`);
    }
  };
  walk(root, '');
  return hash.digest('hex');
}
