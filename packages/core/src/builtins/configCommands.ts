import type { CommandContext } from '../api/context';
import type { CommandNode, GroupDefinition } from '../definitions/types';
import { isGroup } from '../definitions/types';
import { EdictError } from '../errors/EdictError';
import { missingConfigValue, parseConfigValue } from './config/configValue';
import { layerOptions, teamCommands } from './config/teamCommands';
import type { TeamConfigEnv } from './config/teamConfigEnv';
import { isTeamKey } from './config/teamKey';

/** Every config key an option of `tree` answers to: bare option names and `<path>.<option>`. */
export function knownConfigKeys(tree: readonly CommandNode[]): Set<string> {
  const keys = new Set<string>();
  const walk = (nodes: readonly CommandNode[], path: string[]): void => {
    for (const node of nodes) {
      const here = [...path, node.name];
      for (const o of node.options ?? []) {
        if (o.config === false) continue;
        keys.add(o.name);
        keys.add(`${here.join('.')}.${o.name}`);
      }
      if (isGroup(node)) walk(node.children, here);
    }
  };
  walk(tree, []);
  return keys;
}

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));
const keyArg = {
  name: 'key',
  summary:
    'Config key: an option name, <command path>.<option> (e.g. greet.times), ' +
    'profiles.<profile>.properties.<property>, profiles.<profile>.type or defaults.<type>',
  required: true,
};

// The team config files' handlers are required only by the runs that touch them.
/* eslint-disable @typescript-eslint/no-require-imports */
const setTeam = (): typeof import('./config/setTeamValue') =>
  require('./config/setTeamValue') as typeof import('./config/setTeamValue');
const unsetTeam = (): typeof import('./config/unsetTeamValue') =>
  require('./config/unsetTeamValue') as typeof import('./config/unsetTeamValue');
const getTeam = (): typeof import('./config/getTeamValue') =>
  require('./config/getTeamValue') as typeof import('./config/getTeamValue');
const list = (): typeof import('./config/listConfig') =>
  require('./config/listConfig') as typeof import('./config/listConfig');
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The `config` group: the team config files (profiles, defaults: `init`, `list`, `set`, `unset`,
 * `secure`, `profiles`, `schema`) and the option defaults of the per-user config.json (`list`,
 * `get`, `set`, `unset` of option keys). `set` refuses a value the option or profile property
 * would refuse, and writes nothing then.
 */
export function configGroup(env: TeamConfigEnv): GroupDefinition {
  const { tree } = env;
  return {
    kind: 'group',
    name: 'config',
    summary: 'Show and change profiles, team config files and option defaults',
    description:
      'Profiles live in <cli>.config.json files: the project one (found walking up from the working ' +
      'folder), the global one in the config folder, and a .user.json beside each for personal values; ' +
      'secure values live in the credential store (see docs/profiles.md). Option defaults are kept in ' +
      'config.json in the config folder (the `path` of `config list --json`: the XDG config folder on ' +
      'Linux, or the one <PREFIX>_HOME names). An option key is an option name, which applies to every ' +
      'command with that option, or <command path joined by dots>.<option>, which wins over the bare name' +
      ' for that command. Flags and environment variables win over both.',
    children: [
      ...teamCommands(env),
      {
        name: 'list',
        aliases: ['ls'],
        summary: 'List all settings: profiles, defaults and option defaults',
        options: [
          {
            name: 'locations',
            type: 'boolean',
            summary: 'Show the file each value comes from',
            env: false,
            config: false,
          },
        ],
        handler: () => (ctx: CommandContext) => list().listConfig(ctx, env),
      },
      {
        name: 'get',
        summary: 'Show one setting',
        positionals: [keyArg],
        handler: () => (ctx: CommandContext) => {
          const key = String(ctx.args.key);
          if (isTeamKey(key)) return getTeam().getTeamValue(ctx, env, key);
          const values = ctx.config.list();
          if (!Object.prototype.hasOwnProperty.call(values, key)) {
            throw new EdictError(
              'EDICT_CONFIG_KEY_NOT_SET',
              `The config key "${key}" is not set in ${ctx.config.path}.`,
              {
                hint:
                  `${ctx.host.name} config list   ` +
                  '(shows what is set; `config set --help` shows how to set it)',
                details: { key, path: ctx.config.path },
              },
            );
          }
          ctx.out.text(show(values[key]));
          return { key, value: values[key] };
        },
      },
      {
        name: 'set',
        summary: 'Change one setting',
        description:
          'Keys under profiles. and defaults. go to a team config file: the project one when one is ' +
          'found walking up from the working folder, else the global one (--global, --user choose). ' +
          'A property its profile type declares secure, or one set with --secure, goes to the ' +
          'credential store; without a value it is asked for with masked input. Other keys are ' +
          'option defaults in config.json.',
        positionals: [
          keyArg,
          {
            name: 'value',
            summary:
              'The value; JSON (3, true, ["a","b"]) or plain text. With --secure: asked for when left out',
            required: false,
          },
        ],
        options: [
          ...layerOptions,
          {
            name: 'secure',
            type: 'boolean',
            summary: 'Keep the profile property in the credential store, not in the file',
            env: false,
            config: false,
          },
        ],
        examples: [
          {
            command: 'mycli config set greet.times 3',
            description: 'Make `greet` repeat three times unless told otherwise',
          },
          {
            command: 'mycli config set profiles.dev.properties.token --secure',
            description: 'Ask for a token (not echoed) and keep it in the credential store',
          },
        ],
        handler: () => (ctx: CommandContext) => {
          const key = String(ctx.args.key);
          const text = ctx.args.value === undefined ? undefined : String(ctx.args.value);
          if (isTeamKey(key)) return setTeam().setTeamValue(ctx, env, key, text);
          if (text === undefined) throw missingConfigValue(ctx.host.name, key);
          const value = parseConfigValue(text);
          // eslint-disable-next-line @typescript-eslint/no-require-imports -- only `config set` needs it
          (require('./checkConfigValue') as typeof import('./checkConfigValue')).checkConfigValue(
            tree(),
            key,
            value,
            ctx.host.name,
          );
          if (!knownConfigKeys(tree()).has(key))
            ctx.out.warn(`No command option answers to "${key}"; it is saved but has no effect.`);
          ctx.config.set(key, value);
          return { key, value, path: ctx.config.path, message: `Set ${key} = ${JSON.stringify(value)}` };
        },
      },
      {
        name: 'unset',
        aliases: ['rm'],
        summary: 'Remove one setting',
        positionals: [keyArg],
        options: layerOptions,
        handler: () => (ctx: CommandContext) => {
          const key = String(ctx.args.key);
          if (isTeamKey(key)) return unsetTeam().unsetTeamValue(ctx, env, key);
          const removed = ctx.config.unset(key);
          return {
            key,
            removed,
            path: ctx.config.path,
            message: removed ? `Removed ${key}` : `${key} was not set`,
          };
        },
      },
    ],
  };
}
