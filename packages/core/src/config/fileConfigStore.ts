import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigStore } from '../api/config';
import { EdictError } from '../errors/EdictError';
import { writeFileAtomic } from '../fs/writeFileAtomic';

/**
 * The per-user config file `<config folder>/config.json` (HostInfo's `dirs.config`): read on first use,
 * written atomically
 * (temp file + rename). A corrupt file is reported, never overwritten.
 */
export function fileConfigStore(configDir: string, cliName: string): ConfigStore {
  const path = join(configDir, 'config.json');
  let cache: Record<string, unknown> | undefined;

  function read(): Record<string, unknown> {
    if (cache) return cache;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return (cache = {});
      throw new EdictError(
        'EDICT_CONFIG_UNREADABLE',
        `Cannot read the config file ${path}: ${(err as Error).message}`,
        {
          hint: `Check the permissions of ${path}, then run \`${cliName} config list\``,
          details: { path },
          cause: err,
        },
      );
    }
    let parsed: unknown;
    let reason = 'the top level is not a JSON object';
    try {
      parsed = text.trim() === '' ? {} : JSON.parse(text);
    } catch (err) {
      reason = (err as Error).message;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new EdictError('EDICT_CONFIG_INVALID', `The config file ${path} is not valid: ${reason}`, {
        hint: `Fix the JSON in ${path} by hand (or move it away), then run \`${cliName} config list\``,
        details: { path, reason },
      });
    }
    return (cache = parsed as Record<string, unknown>);
  }

  function save(next: Record<string, unknown>): void {
    // 0600: the config file may hold values the user would not share, such as tokens
    writeFileAtomic(path, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    cache = next;
  }

  return {
    path,
    list: () => ({ ...read() }),
    get: (key) => read()[key],
    set(key, value) {
      save({ ...read(), [key]: value });
    },
    unset(key) {
      const current = read();
      if (!Object.prototype.hasOwnProperty.call(current, key)) return false;
      const next = { ...current };
      delete next[key];
      save(next);
      return true;
    },
  };
}
