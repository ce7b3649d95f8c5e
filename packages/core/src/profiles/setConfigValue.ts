import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { EdictError } from '../errors/EdictError';
import { writeFileAtomic } from '../fs/writeFileAtomic';
import { checkConfigShape } from './checkConfigShape';
import { cliNameOfFile } from './profilePaths';
import { parseConfigText } from './readConfigFile';
import { schemaFileName } from './schema';

/** Options of {@link setConfigValue}. */
export interface SetConfigValueOptions {
  /**
   * The `$schema` a new file starts with; defaults to `./<cli>.schema.json`, the CLI name taken
   * from the file name (`mycli.config.json`, `mycli.config.user.json` → `mycli`).
   */
  schema?: string;
}

/**
 * Sets (or, with `value` undefined, removes) one value of a config file at a JSON path
 * (`['profiles', 'dev', 'properties', 'host']`), keeping its comments and layout. A missing
 * file is created as `{ "$schema": "./<cli>.schema.json" }` first. The file is written
 * atomically, and only when it parsed and the result still has the shape of a config file;
 * otherwise EDICT_CONFIG_INVALID is thrown and the file is left as it was.
 */
export function setConfigValue(
  file: string,
  path: (string | number)[],
  value: unknown,
  options: SetConfigValueOptions = {},
): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only config edits need it
  const jsonc = require('jsonc-parser') as typeof import('jsonc-parser');
  let text: string;
  if (existsSync(file)) {
    text = readFileSync(file, 'utf8');
    parseConfigText(file, text);
    if (text.trim() === '') text = '{}\n';
  } else {
    const schema = options.schema ?? `./${schemaFileName(cliNameOfFile(basename(file)))}`;
    text = `${JSON.stringify({ $schema: schema }, null, 2)}\n`;
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /^(\t| +)\S/m.exec(text)?.[1] ?? '  ';
  const edits = jsonc.modify(text, path, value, {
    formattingOptions: { insertSpaces: indent !== '\t', tabSize: indent === '\t' ? 1 : indent.length, eol },
  });
  const next = jsonc.applyEdits(text, edits);
  const problem = checkConfigShape(jsonc.parse(next, [], { allowTrailingComma: true }));
  if (problem !== undefined)
    throw new EdictError(
      'EDICT_CONFIG_INVALID',
      `Setting ${path.join('.')} would make ${file} invalid: ${problem.message}. Nothing was changed.`,
      {
        hint: `See the config file format in the docs (profiles.md), then set a value that fits`,
        details: { path: file, key: path.join('.'), reason: problem.message },
      },
    );
  writeFileAtomic(file, next);
}
