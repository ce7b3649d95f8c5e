import type { HostInfo } from '../api/host';
import type { CommandSource } from '../api/source';
import type { CommandNode } from '../definitions/types';
import type { ProfileTypeDefinition } from '../profiles/types';
import { mergeTree } from '../tree/mergeTree';

/**
 * The full command tree: built-ins, then each source's commands; and the profile types known to
 * the run: the host's, then each source's (a type declared again is skipped with a warning). A
 * source that fails to load costs its commands and a warning, never the whole CLI.
 */
export async function loadTree(
  builtins: readonly CommandNode[],
  sources: readonly CommandSource[],
  host: HostInfo,
  hostProfileTypes: readonly ProfileTypeDefinition[] = [],
): Promise<{ tree: CommandNode[]; warnings: string[]; profileTypes: ProfileTypeDefinition[] }> {
  const loaded: { name: string; commands: CommandNode[] }[] = [];
  const warnings: string[] = [];
  const profileTypes = [...hostProfileTypes];
  const owners = new Map(profileTypes.map((t) => [t.type, `${host.name} itself`]));
  for (const source of sources) {
    try {
      const result = await source.load(host);
      loaded.push({ name: source.name, commands: result.commands });
      warnings.push(...result.warnings);
      for (const type of result.profileTypes ?? []) {
        const owner = owners.get(type.type);
        if (owner !== undefined) {
          warnings.push(
            `Profile type "${type.type}" from ${source.name} is skipped: ${owner} already declares it.`,
          );
          continue;
        }
        owners.set(type.type, source.name);
        profileTypes.push(type);
      }
    } catch (err) {
      warnings.push(
        `Commands from ${source.name} could not be loaded: ` +
          (err instanceof Error ? err.message : String(err)),
      );
    }
  }
  const merged = mergeTree(builtins, loaded);
  return { tree: merged.tree, warnings: [...warnings, ...merged.warnings], profileTypes };
}
