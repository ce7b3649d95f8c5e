import type { CommandContext } from '../api/context';
import type { CommandNode, GroupDefinition } from '../definitions/types';
import { isGroup } from '../definitions/types';
import { EdictError } from '../errors/EdictError';

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

/** A value typed on the command line: JSON when it parses (`3`, `true`, `["a"]`), else the text. */
export function parseConfigValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));
const keyArg = {
  name: 'key',
  summary: 'Config key: an option name, or <command path>.<option> (e.g. greet.times)',
  required: true,
};

/**
 * The `config` group: list, get, set and unset keys of the per-user config file. `set` refuses a
 * value an option the key sets would refuse at run time, and writes nothing then.
 */
export function configGroup(tree: () => readonly CommandNode[]): GroupDefinition {
  return {
    kind: 'group',
    name: 'config',
    summary: 'Show and change the per-user configuration (option defaults)',
    description:
      'Settings are option defaults kept in config.json in the config ' +
      'folder (the `path` of `config list --json`: the XDG config folder ' +
      'on Linux, or the one <PREFIX>_HOME names). A key is an option ' +
      'name, which applies to every command with that option, or <command ' +
      'path joined by dots>.<option>, which wins over the bare name ' +
      'for that command. Flags and environment variables win over the ' +
      'config file.',
    children: [
      {
        name: 'list',
        aliases: ['ls'],
        summary: 'List all settings',
        handler: () => (ctx: CommandContext) => {
          const values = ctx.config.list();
          const keys = Object.keys(values).sort();
          if (keys.length === 0) ctx.out.text(`No settings in ${ctx.config.path}.`);
          for (const key of keys) ctx.out.text(`${key} = ${JSON.stringify(values[key])}`);
          return { path: ctx.config.path, values };
        },
      },
      {
        name: 'get',
        summary: 'Show one setting',
        positionals: [keyArg],
        handler: () => (ctx: CommandContext) => {
          const key = String(ctx.args.key);
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
        positionals: [
          keyArg,
          { name: 'value', summary: 'The value; JSON (3, true, ["a","b"]) or plain text', required: true },
        ],
        examples: [
          {
            command: 'mycli config set greet.times 3',
            description: 'Make `greet` repeat three times unless told otherwise',
          },
        ],
        handler: () => (ctx: CommandContext) => {
          const key = String(ctx.args.key);
          const value = parseConfigValue(String(ctx.args.value));
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
        handler: () => (ctx: CommandContext) => {
          const key = String(ctx.args.key);
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
