import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { EdictError } from '@edict/core';
import { pluginError, PluginErrorCodes } from '../errors';

const moveAway = (path: string, host: string): string =>
  `Move it away (mv ${path} ${path}.bak), then run: ${host} plugins doctor`;

/** The path itself or its nearest ancestor that exists and is not a folder: what ENOTDIR tripped on. */
function fileOnTheWay(path: string): string | undefined {
  for (let p = path; ; p = dirname(p)) {
    try {
      if (!statSync(p).isDirectory()) return p;
    } catch {
      // missing or unreadable: look further up
    }
    if (dirname(p) === p) return undefined;
  }
}

const FS_CODES: Record<string, (path: string, host: string, dir: string) => [what: string, hint: string]> = {
  EACCES: (p, h, d) => [
    `permission denied on ${p}`,
    `Make ${d} writable for you (ls -ld ${d}), or point ${h.toUpperCase()}_PLUGINS_DIR at a folder you own.`,
  ],
  EPERM: (p, h, d) => [
    `the operation is not permitted on ${p}`,
    `Make ${d} writable for you (ls -ld ${d}), or point ${h.toUpperCase()}_PLUGINS_DIR at a folder you own.`,
  ],
  EROFS: (p, h) => [
    `${p} is on a read-only file system`,
    `Point ${h.toUpperCase()}_PLUGINS_DIR at a writable folder.`,
  ],
  ENOTDIR: (p, h) => {
    const file = fileOnTheWay(p);
    return file
      ? [`${file} is a file where a folder belongs (on the way to ${p})`, moveAway(file, h)]
      : [
          `a file stands where a folder belongs on the way to ${p}`,
          `Move that file away, then run: ${h} plugins doctor`,
        ];
  },
  EISDIR: (p, h) => [`${p} is a folder where a file belongs`, moveAway(p, h)],
  EEXIST: (p, h) => [`${p} already exists and is in the way`, moveAway(p, h)],
  ENOTEMPTY: (p, h) => [`${p} is in the way`, moveAway(p, h)],
  ENOSPC: (p) => [`the disk is full (writing ${p})`, 'Free some disk space and run the command again.'],
  EDQUOT: (p) => [
    `the disk quota is exceeded (writing ${p})`,
    'Free some disk space and run the command again.',
  ],
  EMFILE: (p) => [
    `too many open files (at ${p})`,
    'Close other programs or raise the limit (ulimit -n), then run the command again.',
  ],
};

const IN_THE_WAY = new Set(['ENOTDIR', 'EISDIR', 'EEXIST', 'ENOTEMPTY']);

/** An EDICT_PLUGINS_FS error for a raw file-system error, or `err` itself when it is not one. */
export function explainFsError(err: unknown, pluginsDir: string, hostName: string): unknown {
  if (err instanceof EdictError) return err;
  const e = err as NodeJS.ErrnoException | null;
  const explain = e && typeof e.code === 'string' ? FS_CODES[e.code] : undefined;
  if (!explain) return err;
  const path = e!.path ?? pluginsDir;
  let [what, hint] = explain(path, hostName, pluginsDir);
  // Some calls (a read of a folder) name no path: never tell the user to move the whole plugins folder.
  if (e!.path === undefined && IN_THE_WAY.has(e!.code!)) {
    what = `something under ${pluginsDir} is in the way (${e!.code})`;
    hint =
      `Look for a file where a folder belongs or the reverse (ls -la ${pluginsDir}` +
      `), then run: ${hostName}` +
      ` plugins doctor`;
  }
  return pluginError(
    PluginErrorCodes.FS,
    `Cannot ${e!.syscall ?? 'change'} ${path}: ${what}. Nothing was changed.`,
    {
      hint,
      details: { path, code: e!.code, syscall: e!.syscall },
      cause: err,
    },
  );
}
