import type { HostInfo } from '../api/host';
import { isEdictError } from '../errors/EdictError';
import { profileTypesUsed } from '../parsing/commandOptions';
import { parseCommand, type ParseInput } from '../parsing/parseCommand';
import type { ResolvedInputs } from '../profiles/resolveInputs';
import type { CredentialManager, ProfileTypeDefinition, Prompter } from '../profiles/types';

/**
 * Parses a command's arguments. A command without profile types takes the plain path (no config
 * file read, no jsonc-parser loaded); one with profile types, `--show-inputs-only`, or a required
 * value missing at an interactive prompter goes through the profile engine.
 */
export async function parseInputs(
  parse: ParseInput,
  extra: {
    host: HostInfo;
    types: readonly ProfileTypeDefinition[];
    credentials: () => CredentialManager;
    prompter?: Prompter;
    showInputsOnly: boolean;
  },
): Promise<ResolvedInputs> {
  const command = parse.path[parse.path.length - 1];
  if (!extra.showInputsOnly && profileTypesUsed(command).length === 0) {
    try {
      return { ...parseCommand(parse), notices: [], inputs: [], secrets: [] };
    } catch (err) {
      if (!(isEdictError(err) && err.code === 'EDICT_MISSING_OPTION' && extra.prompter?.interactive))
        throw err;
    }
  }
  const { resolveInputs } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- only profile runs need it
    require('../profiles/resolveInputs') as typeof import('../profiles/resolveInputs');
  return resolveInputs({
    parse,
    host: extra.host,
    types: extra.types,
    credentials: extra.credentials,
    ...(extra.prompter === undefined ? {} : { prompter: extra.prompter }),
    listMissing: extra.showInputsOnly,
  });
}
