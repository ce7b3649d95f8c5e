import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * The `commands` of a loaded definitions module: its `commands` export, or its default export (an array, or
 * an object with `commands`).
 */
function pickCommands(mod: unknown): unknown {
  if (typeof mod !== 'object' || mod === null) return undefined;
  const { commands, default: fallback } = mod as { commands?: unknown; default?: unknown };
  if (commands !== undefined) return commands;
  if (Array.isArray(fallback)) return fallback;
  if (typeof fallback === 'object' && fallback !== null) return (fallback as { commands?: unknown }).commands;
  return undefined;
}

/**
 * Loads a plugin's command definitions in this process, as its author's build produced them: a
 * `.json` file is read; any other file is `import()`ed, which loads CommonJS and ESM alike.
 * @returns The commands value (unchecked), or a problem.
 */
export async function loadDefinitions(file: string): Promise<{ commands?: unknown; error?: string }> {
  let mod: unknown;
  try {
    mod = file.endsWith('.json')
      ? { commands: JSON.parse(readFileSync(file, 'utf8')) as unknown }
      : await import(pathToFileURL(file).href);
  } catch (err) {
    return { error: `loading the command definitions ${file} failed: ${(err as Error).message}` };
  }
  const commands = pickCommands(mod);
  if (commands === undefined)
    return { error: `${file} exports no "commands" (an array of command nodes, or a default export)` };
  return { commands };
}
