import { readFileSync } from 'node:fs';
import { EdictError } from '../errors/EdictError';
import { checkConfigShape } from './checkConfigShape';
import type { TeamConfigData } from './configTypes';
import { lineColumn } from './lineColumn';

/** Parses the text of a config file (JSON with comments); throws EDICT_CONFIG_INVALID naming the file. */
export function parseConfigText(file: string, text: string): TeamConfigData {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only runs that read profiles need it
  const jsonc = require('jsonc-parser') as typeof import('jsonc-parser');
  if (text.trim() === '') return {};
  const errors: import('jsonc-parser').ParseError[] = [];
  const data: unknown = jsonc.parse(text, errors, { allowTrailingComma: true });
  const hint = `Fix ${file} by hand (nothing was changed), or move it away`;
  const first = errors[0];
  if (first !== undefined) {
    const where = lineColumn(text, first.offset);
    const reason = jsonc.printParseErrorCode(first.error);
    throw new EdictError(
      'EDICT_CONFIG_INVALID',
      `The config file ${file} is not valid JSON: ${reason} at ${where}.`,
      { hint, details: { path: file, at: where, reason } },
    );
  }
  const problem = checkConfigShape(data);
  if (problem !== undefined) {
    const node = jsonc.findNodeAtLocation(jsonc.parseTree(text) as import('jsonc-parser').Node, problem.path);
    const where = lineColumn(text, node?.offset ?? 0);
    throw new EdictError(
      'EDICT_CONFIG_INVALID',
      `The config file ${file} is not valid: ${problem.message} (at ${where}).`,
      { hint, details: { path: file, at: where, reason: problem.message } },
    );
  }
  return data as TeamConfigData;
}

/** Reads one config file: its data, or undefined when it does not exist. */
export function readConfigFile(file: string): TeamConfigData | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new EdictError(
      'EDICT_CONFIG_UNREADABLE',
      `Cannot read the config file ${file}: ${(err as Error).message}`,
      {
        hint: `Check the permissions of ${file}`,
        details: { path: file },
        cause: err,
      },
    );
  }
  return parseConfigText(file, text);
}
