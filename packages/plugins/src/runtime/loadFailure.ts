import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { shellWord } from '../shellWord';

/** Why a plugin module failed to load, on one line, and what shows more. */
export interface LoadFailure {
  /** `line:column` in the file, when known. */
  place?: string;
  reason: string;
  /** A command that shows more, runnable as printed; undefined for the caller's default. */
  hint?: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first `line:column` of `file` in a stack (as a path or a file: URL), if any. */
function placeIn(stack: string, file: string): string | undefined {
  const names = [file, pathToFileURL(file).href].map(escape).join('|');
  const m = new RegExp(`(?:${names}):(\\d+):(\\d+)`).exec(stack);
  return m ? `${m[1]}:${m[2]}` : undefined;
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
  const e = err instanceof Error ? err : undefined;
  const message = e ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(err);
  const first = message.split('\n')[0] ?? message;
  if (e?.name === 'SyntaxError') {
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
  const place = e?.stack ? placeIn(e.stack, file) : undefined;
  return { ...(place ? { place } : {}), reason: first };
}
