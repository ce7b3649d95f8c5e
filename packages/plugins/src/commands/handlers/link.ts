import type { CommandContext } from '@edict/core';
import { linkPlugin, type LinkResult } from '../../manage/linkPlugin';
import { withEngine } from '../engineContext';

/** `plugins link <folder>` */
export async function handler(ctx: CommandContext): Promise<LinkResult> {
  const result = await withEngine(ctx, 'Linking plugin', false, ({ options }) =>
    linkPlugin({ ...options, folder: String(ctx.args.folder) }),
  );
  ctx.out.text(
    `Linked ${result.name}@${result.version}` +
      ` from ${result.location}` +
      `: commands ${result.commands.join(', ') || '(none)'}`,
  );
  if (result.shadows)
    ctx.out.text(
      `The installed ${result.name}@${result.shadows}` +
        ` is kept; \`${ctx.host.name}` +
        ` plugins unlink ${result.name}` +
        `\` puts it back.`,
    );
  for (const w of result.warnings) ctx.out.warn(w.message);
  return result;
}
