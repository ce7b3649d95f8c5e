import type { CommandContext } from '../../api/context';
import { isEdictError } from '../../errors/EdictError';
import { profileConfigKey } from '../../profiles/profilePaths';
import { promptUnavailable } from '../../prompt/promptErrors';

/**
 * Asks for a secure profile value with masked input. Without a terminal the error says how to
 * give it instead, for the same file (`layer`): as the value of `config set … --secure` (which
 * puts it in the shell's history).
 */
export async function askSecure(
  ctx: CommandContext,
  profile: string,
  property: string,
  question: string,
  layer: { global: boolean; user: boolean },
): Promise<string> {
  try {
    return await ctx.prompt.password(question);
  } catch (err) {
    if (!isEdictError(err) || err.code !== 'EDICT_PROMPT_UNAVAILABLE') throw err;
    const flags = `${layer.global ? ' --global' : ''}${layer.user ? ' --user' : ''}`;
    const key = profileConfigKey(profile, property);
    const command = `${ctx.host.name} config set ${key} <value> --secure${flags}`;
    throw promptUnavailable(question, String(err.details.reason), `Run it in a terminal, or: ${command}`);
  }
}
