import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

type Exports = { commands?: unknown; profileTypes?: unknown; default?: unknown };

/**
 * The `commands` and `profileTypes` of a loaded definitions module: its named exports, else its
 * default export (an array of commands, or an object with `commands` and `profileTypes`).
 */
function pick(mod: unknown): { commands?: unknown; profileTypes?: unknown } {
  if (typeof mod !== 'object' || mod === null) return {};
  const { commands, profileTypes, default: fallback } = mod as Exports;
  const object =
    typeof fallback === 'object' && fallback !== null && !Array.isArray(fallback)
      ? (fallback as Exports)
      : undefined;
  return {
    commands: commands ?? (Array.isArray(fallback) ? fallback : object?.commands),
    profileTypes: profileTypes ?? object?.profileTypes,
  };
}

/**
 * Loads a plugin's command definitions in this process, as its author's build produced them: a
 * `.json` file is read (an array of commands, or an object with `commands` and `profileTypes`);
 * any other file is `import()`ed, which loads CommonJS and ESM alike.
 * @returns The commands and profile types values (unchecked), or a problem.
 */
export async function loadDefinitions(
  file: string,
): Promise<{ commands?: unknown; profileTypes?: unknown; error?: string }> {
  let mod: unknown;
  try {
    if (file.endsWith('.json')) {
      const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      mod = Array.isArray(data) ? { commands: data } : data;
    } else mod = await import(pathToFileURL(file).href);
  } catch (err) {
    return { error: `loading the command definitions ${file} failed: ${(err as Error).message}` };
  }
  const { commands, profileTypes } = pick(mod);
  if (commands === undefined)
    return { error: `${file} exports no "commands" (an array of command nodes, or a default export)` };
  return { commands, ...(profileTypes === undefined ? {} : { profileTypes }) };
}
