import { createHash } from 'node:crypto';
import type { CommandContext } from '@edict/core';

/** Shows the connection settings in effect; the password only as a SHA-256 fingerprint. */
export function handler(ctx: CommandContext): Record<string, unknown> {
  const { host, port, user, password } = ctx.args as {
    host: string;
    port: number;
    user?: string;
    password?: string;
  };
  const fingerprint =
    password === undefined ? null : createHash('sha256').update(password).digest('hex').slice(0, 12);
  const who = user === undefined ? '' : `${user}@`;
  return {
    host,
    port,
    user: user ?? null,
    passwordFingerprint: fingerprint,
    profile: ctx.profiles?.base?.name ?? null,
    message: `Would connect to ${who}${host}:${port}${fingerprint ? ` (password ${fingerprint}…)` : ''}`,
  };
}
