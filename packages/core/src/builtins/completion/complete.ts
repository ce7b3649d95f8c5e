import type { HostInfo } from '../../api/host';
import type { OptionDefinition, PositionalDefinition } from '../../definitions/types';
import type { CommandNode } from '../../definitions/types';
import { commandOptions } from '../../parsing/commandOptions';
import { GLOBAL_OPTIONS } from '../../routing/globalFlags';
import { runCompleter } from './runCompleter';
import { splitCommandLine } from './splitCommandLine';
import { completionTarget } from './target';

/**
 * The words `__complete` was given: `-- <words…>` (bash, zsh, fish), or `--line`, which reads the
 * command line up to the cursor from `<PREFIX>_COMPLETE_LINE` and splits it (PowerShell).
 */
export function completionWords(
  rest: readonly string[],
  env: Record<string, string | undefined>,
  envPrefix: string,
): string[] {
  if (rest[0] === '--line') return splitCommandLine(env[`${envPrefix}_COMPLETE_LINE`] ?? '');
  return rest[0] === '--' ? rest.slice(1) : [...rest];
}

async function valueCandidates(
  def: OptionDefinition | PositionalDefinition,
  words: readonly string[],
  current: string,
  host: HostInfo | undefined,
): Promise<string[]> {
  if (def.choices) return def.choices.map(String);
  if ('type' in def && def.type === 'boolean') return ['true', 'false'];
  if (def.complete && host) return runCompleter(def.complete, { current, words, host });
  return [];
}

/**
 * Completion candidates for the words typed after the CLI name; the last word is the one being
 * completed (possibly empty). Works from the definitions, so plugin commands complete too:
 * command names, option names, and values (`--opt value`, `--opt=value`, positionals) from
 * `choices`, `true`/`false` for a boolean after `=`, or the definition's `complete` module.
 */
export async function completionCandidates(
  tree: readonly CommandNode[],
  words: readonly string[],
  host?: HostInfo,
): Promise<string[]> {
  const target = completionTarget(tree, words);
  let candidates: string[];
  switch (target.kind) {
    case 'none':
      return [];
    case 'commands':
      candidates = target.nodes.filter((c) => !c.hidden).map((c) => c.name);
      break;
    case 'options': {
      const atRoot = target.path.length === 0;
      const options = commandOptions(target.path).filter((o) => !o.hidden);
      candidates = [
        ...options.flatMap((o) => [`--${o.name}`, ...(o.type === 'boolean' ? [`--no-${o.name}`] : [])]),
        ...GLOBAL_OPTIONS.filter((g) => atRoot || !g.rootOnly).map((g) => g.flag),
      ];
      break;
    }
    case 'value': {
      const values = await valueCandidates(target.def, words, target.current, host);
      return values.filter((v) => v.startsWith(target.current)).map((v) => target.prefix + v);
    }
  }
  return candidates.filter((c) => c.startsWith(target.current));
}
