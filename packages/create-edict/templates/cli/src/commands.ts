import { join } from 'node:path';
import type { CommandNode } from '@edict/core';

// Handlers are named by path and loaded only when their command runs.
const handler = (name: string): string => join(__dirname, 'handlers', `${name}.js`);

/** The commands of {{bin}}. Definitions are data: add a command by adding an entry here. */
export const commands: CommandNode[] = [
  {
    name: 'hello',
    summary: 'Say hello',
    description:
      'Greets someone. Options can also come from the environment ({{envPrefix}}_OPT_SHOUT=1) ' +
      'or the config file ({{bin}} config set hello.shout true).',
    positionals: [{ name: 'name', summary: 'Who to greet (default: world)' }],
    options: [{ name: 'shout', aliases: ['s'], type: 'boolean', summary: 'Greet in capitals' }],
    examples: [{ command: '{{bin}} hello Ada --shout', description: 'Greet Ada loudly' }],
    handler: handler('hello'),
  },
];
