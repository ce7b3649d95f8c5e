import type { Interface } from 'node:readline/promises';

/** Asks questions on a terminal; `undefined` when there is none (then defaults apply). */
export interface Prompter {
  ask(question: string, defaultValue?: string): Promise<string>;
  close(): void;
}

/** A readline prompter over the given streams (a terminal's stdin and stdout). */
export function createPrompter(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Prompter {
  // Loaded only when prompting: a non-interactive run never needs readline.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createInterface } = require('node:readline/promises') as typeof import('node:readline/promises');
  const rl: Interface = createInterface({ input, output });
  return {
    async ask(question, defaultValue) {
      const answer = (
        await rl.question(defaultValue ? `${question} (${defaultValue}) ` : `${question} `)
      ).trim();
      return answer || defaultValue || '';
    },
    close: () => rl.close(),
  };
}
