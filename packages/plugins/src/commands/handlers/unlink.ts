import type { CommandContext } from '@edict/core';
import { unlinkPlugin } from '../../manage/linkPlugin';
import { withEngine } from '../engineContext';

/** `plugins unlink <name>`: forgets a linked plugin; its folder is left alone. */
export async function handler(ctx: CommandContext): Promise<{ name: string; location: string }> {
  const result = await withEngine(ctx, 'Unlinking plugin', false, ({ options }) =>
    unlinkPlugin({ ...options, name: String(ctx.args.name) }),
  );
  ctx.out.text(`Unlinked ${result.name} (${result.location} is left as it was)`);
  if (result.restored) ctx.out.text(`Using the installed ${result.name}@${result.restored} again.`);
  return result;
}
