// `@edict/core` is a peer dependency: at run time the host hands this plugin its own copy, so
// errors thrown here are the host's error class and print like the host's own.
import { usageError } from '@edict/core';
import type { CommandContext } from '@edict/core';

/** `{{host}} {{command}} hello [name]`: prints a greeting and returns it as data (the `--json` output). */
export function handler(ctx: CommandContext): { greeting: string } {
  const name = (ctx.args.name as string | undefined) ?? 'world';
  if (!/^[\p{L} .'-]+$/u.test(name)) {
    throw usageError('EDICT_{{codePrefix}}_BAD_NAME', `"${name}" is not a name.`, {
      hint: `${ctx.host.name} {{command}} hello Ada`,
    });
  }
  const word = (ctx.args.greeting as string | undefined) ?? 'Hello';
  const greeting = ctx.args.shout ? `${word}, ${name}!`.toUpperCase() : `${word}, ${name}!`;
  // The token is a secret: say that there is one, never what it is.
  const token = ctx.args.token as string | undefined;
  ctx.out.text(token ? `${greeting} (signed in with a token of ${token.length} characters)` : greeting);
  return { greeting };
}
