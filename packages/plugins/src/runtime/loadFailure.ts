import { existsSync } from 'node:fs';
import { errorPlace, loadErrorReason, shellWord } from '@edict/core';

/** Why a plugin module failed to load, on one line, and what shows more. */
export interface LoadFailure {
  /** `line:column` in the file, when known. */
  place?: string;
  reason: string;
  /** A command that shows more, runnable as printed; undefined for the caller's default. */
  hint?: string;
}

/**
 * Why loading `file` failed, in one line with the place: a SyntaxError as `line:column`, the
 * error and the offending line, found by compiling the file again (an ES module's SyntaxError
 * carries no place); an error thrown while its top level ran, with the place of its first frame
 * in the file. Node's "Cannot find module" carries a require stack of host files, which says
 * nothing to the user (the full error stays the `cause`, shown with --debug).
 */
export function describeLoadFailure(err: unknown, root: string, file: string): LoadFailure {
  if (!existsSync(file)) return { reason: 'the file does not exist.' };
  const first = loadErrorReason(err);
  if (err instanceof Error && err.name === 'SyntaxError') {
    // Required here: only a module that failed to compile is compiled again.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { checkSyntax } = require('../validate/checkSyntax') as typeof import('../validate/checkSyntax');
    const found = checkSyntax(root, [file])[0];
    return {
      ...(found ? { place: `${found.line}:${found.column}` } : {}),
      reason: `${found?.reason ?? first}${found?.text ? ` in \`${found.text}\`` : ''}`,
      hint: `node --check ${shellWord(file)}  (shows the line and where in it)`,
    };
  }
  const place = errorPlace(err, file);
  return { ...(place ? { place } : {}), reason: first };
}
