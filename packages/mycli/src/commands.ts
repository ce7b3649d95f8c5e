import { join } from 'node:path';
import type { CommandNode } from '@edict/core';

// Handlers are named by path and loaded only when their command runs.
const handler = (name: string): string => join(__dirname, 'handlers', `${name}.js`);

/** mycli's own sample commands: they exercise the engine's option types and output. */
export const sampleCommands: CommandNode[] = [
  {
    name: 'greet',
    aliases: ['hi'],
    summary: 'Greet someone',
    description:
      'Greets one or more people. Every option can also come from an ' +
      'environment variable (`MYCLI_OPT_<NAME>`) or the config file ' +
      '(`mycli config set greet.times 3`).',
    positionals: [
      { name: 'name', summary: 'Who to greet', required: true },
      { name: 'others', summary: 'More people to greet', variadic: true },
    ],
    options: [
      { name: 'shout', aliases: ['s'], type: 'boolean', summary: 'Greet in capitals' },
      {
        name: 'times',
        aliases: ['t'],
        type: 'number',
        summary: 'How many times to greet',
        default: 1,
        integer: true,
        min: 1,
        max: 100,
      },
      {
        name: 'greeting',
        aliases: ['g'],
        type: 'string',
        summary: 'The greeting word (instead of one from --lang)',
        conflicts: ['lang'],
      },
      {
        name: 'lang',
        type: 'string',
        summary: 'Language of the greeting',
        choices: ['en', 'fr', 'es'],
        default: 'en',
      },
      {
        name: 'salute',
        type: 'string',
        summary: 'Old name of --greeting',
        hidden: true,
        deprecated: { replacement: 'greeting' },
      },
    ],
    examples: [
      { command: 'mycli greet Ada --shout', description: 'Greet Ada loudly' },
      {
        command: 'mycli greet Ada Grace --lang fr --times 2',
        description: 'Greet two people in French, twice',
      },
    ],
    handler: handler('greet'),
  },
  {
    name: 'info',
    summary: 'Show facts about this CLI (version, home folder, config file)',
    handler: handler('info'),
  },
];
