import { pathToFileURL } from 'node:url';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where in `file` an error of loading it happened, as `line:column`: the spot Node marks with a
 * caret under a CommonJS SyntaxError, else the first stack frame in the file (as a path or a
 * `file:` URL). Undefined when the error does not say (an ES module's SyntaxError carries no place).
 */
export function errorPlace(err: unknown, file: string): string | undefined {
  const stack = err instanceof Error ? String(err.stack ?? '') : '';
  // A CommonJS SyntaxError's stack starts `file:line`, the line, then a caret under the spot.
  const [head, , caret] = stack.split('\n');
  const line = new RegExp(`^${escape(file)}:(\\d+)$`).exec(head ?? '')?.[1];
  if (line !== undefined) return `${line}:${(caret?.indexOf('^') ?? -1) + 1 || 1}`;
  const names = [file, pathToFileURL(file).href].map(escape).join('|');
  const frame = new RegExp(`(?:${names}):(\\d+):(\\d+)`).exec(stack);
  return frame ? `${frame[1]}:${frame[2]}` : undefined;
}

/** What went wrong in loading a module, on one line: `TypeError: …`, or the message of a plain Error. */
export function loadErrorReason(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const message = `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}`;
  return message.split('\n')[0] ?? message;
}
