import type { CommandContext } from '@edict/core';

/** `{{bin}} hello [name]`: prints a greeting and returns it as data (the `--json` output). */
export function handler(ctx: CommandContext): { greeting: string } {
  const name = (ctx.args.name as string | undefined) ?? 'world';
  const greeting = ctx.args.shout ? `Hello, ${name}!`.toUpperCase() : `Hello, ${name}!`;
  ctx.out.text(greeting);
  return { greeting };
}
