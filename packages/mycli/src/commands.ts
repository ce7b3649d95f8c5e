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
    name: 'remote',
    summary: 'Show the connection settings a base profile gives (host, port, user, password)',
    description:
      'Fills its options from the base profile (`--base-profile`, else ' +
      '`defaults.base` of mycli.config.json), ' +
      'and prints what it would connect to; the password is shown only as a fingerprint.',
    profile: { required: ['base'] },
    options: [
      { name: 'host', type: 'string', summary: 'Host name to connect to' },
      {
        name: 'port',
        type: 'number',
        summary: 'Port to connect to',
        default: 443,
        integer: true,
        min: 1,
        max: 65535,
      },
      { name: 'user', type: 'string', summary: 'User name' },
      { name: 'password', type: 'string', summary: 'Password' },
    ],
    examples: [{ command: 'mycli remote --base-profile dev', description: 'Use the dev profile' }],
    handler: handler('remote'),
  },
  {
    name: 'info',
    summary: 'Show facts about this CLI (version, home folder, config file)',
    handler: handler('info'),
  },
];
