import type { CommandContext } from '@edict/core';

const GREETINGS: Record<string, string> = { en: 'Hello', fr: 'Bonjour', es: 'Hola' };

/** `mycli greet`: prints one line per greeting and returns them as data. */
export function handler(ctx: CommandContext): { lines: string[] } {
  const names = [ctx.args.name as string, ...((ctx.args.others as string[] | undefined) ?? [])];
  const word = (ctx.args.greeting as string | undefined) ?? GREETINGS[ctx.args.lang as string] ?? 'Hello';
  const lines: string[] = [];
  for (let i = 0; i < (ctx.args.times as number); i++) {
    for (const name of names) {
      const line = `${word}, ${name}!`;
      lines.push(ctx.args.shout ? line.toUpperCase() : line);
    }
  }
  lines.forEach((line) => ctx.out.text(line));
  return { lines };
}
