import type { CommandContext } from '../../api/context';
import type { CommandNode, OptionDefinition } from '../../definitions/types';
import type { TeamConfigEnv } from './teamConfigEnv';

// The handlers' modules are required when one runs: defining the commands costs no startup time.
/* eslint-disable @typescript-eslint/no-require-imports */
const init = (): typeof import('./initConfig') => require('./initConfig') as typeof import('./initConfig');
const secure = (): typeof import('./secureConfig') =>
  require('./secureConfig') as typeof import('./secureConfig');
const types = (): typeof import('./listProfileTypes') =>
  require('./listProfileTypes') as typeof import('./listProfileTypes');
const schema = (): typeof import('./schemaCommand') =>
  require('./schemaCommand') as typeof import('./schemaCommand');
/* eslint-enable @typescript-eslint/no-require-imports */

const flag = (name: string, summary: string): OptionDefinition => ({
  name,
  type: 'boolean',
  summary,
  env: false,
  config: false,
});

/** `--global` and `--user`: which config file a command works on. */
export const layerOptions: OptionDefinition[] = [
  flag('global', 'The global config file (in the config folder) instead of the project one'),
  flag('user', 'The .user.json file of that scope (personal: keep it out of version control)'),
];

/** `config init`, `config secure`, `config profiles` and `config schema`. */
export function teamCommands(env: TeamConfigEnv): CommandNode[] {
  return [
    {
      name: 'init',
      summary: 'Create a config file with a profile of each known type',
      description:
        'Writes <cli>.config.json in the working folder (--global: in the config folder; --user: the ' +
        '.user.json file) with one profile per profile type, each the default of its type, and ' +
        '<cli>.schema.json beside it. On a terminal it asks for each value (secure ones masked, kept in ' +
        'the credential store); without one it writes the skeleton. An existing file is left alone unless' +
        ' --overwrite is given.',
      options: [...layerOptions, flag('overwrite', 'Replace an existing config file')],
      examples: [{ command: '$0 config init', description: 'Create the project config file here' }],
      handler: () => (ctx: CommandContext) => init().initConfig(ctx, env),
    },
    {
      name: 'secure',
      summary: 'Ask for the secure values the credential store does not hold yet',
      description:
        'For every profile of the config files (--global, --user: of that file only), asks with masked ' +
        'input for each secure property without a stored value and stores it in the credential store. An ' +
        'empty answer skips one.',
      options: layerOptions,
      handler: () => (ctx: CommandContext) => secure().secureConfig(ctx, env),
    },
    {
      name: 'profiles',
      summary: 'List the profile types and the profiles of each (* marks the default)',
      handler: () => (ctx: CommandContext) => types().listProfileTypes(ctx, env),
    },
    {
      name: 'schema',
      summary: 'Print the JSON schema of the config files',
      options: [flag('write', 'Write <cli>.schema.json beside the config files instead')],
      handler: () => (ctx: CommandContext) => schema().schemaCommand(ctx, env),
    },
  ];
}
