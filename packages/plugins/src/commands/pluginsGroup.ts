import { join } from 'node:path';
import type { GroupDefinition, OptionDefinition } from '@edict/core';

const handler = (name: string): string => join(__dirname, 'handlers', `${name}.js`);

/** Plugin-name arguments complete on TAB with the recorded plugins (read from plugins.json only). */
const pluginNames = join(__dirname, 'completePluginNames.js');

const registry: OptionDefinition = {
  name: 'registry',
  type: 'string',
  summary: 'Registry URL to use instead of the one in your npm config',
};

/**
 * The `plugins` command group a host adds to its built-in commands. Definitions only: each
 * handler module is loaded when its command runs, and the npm libraries only by handlers that
 * talk to a registry.
 */
export function pluginsGroup(): GroupDefinition {
  return {
    kind: 'group',
    name: 'plugins',
    aliases: ['plugin'],
    summary: 'Install, update and manage plugins',
    description:
      'Plugins are npm packages that add commands. Each one gets its ' +
      'own dependency tree in the plugins folder; the host hands it ' +
      'its own copy of the framework.',
    children: [
      {
        name: 'install',
        aliases: ['add'],
        summary: 'Install plugins from a registry, a folder, a tarball or a URL',
        description:
          'With no spec and no --file, reinstalls every recorded plugin. ' +
          'An install that fails leaves the plugins as they were.',
        positionals: [
          {
            name: 'spec',
            summary: 'name, name@version|range|tag, ./folder, ./file.tgz or a tarball URL',
            variadic: true,
          },
        ],
        options: [
          registry,
          { name: 'file', type: 'string', summary: 'Install the set recorded in a plugins.json file' },
          {
            name: 'force',
            type: 'boolean',
            summary: 'Install even if the plugin says it is incompatible with this host',
          },
          {
            name: 'allow-scripts',
            type: 'boolean',
            summary: 'Run install scripts of the plugin and its dependencies, and its postInstall hook',
          },
        ],
        examples: [
          { command: '$0 plugins install @acme/plugin-deploy', description: 'Install the newest version' },
          {
            command: '$0 plugins install my-plugin@^1',
            description: 'Install within a range; update stays inside it',
          },
          { command: '$0 plugins install ./my-plugin-1.0.0.tgz', description: 'Install a packed tarball' },
        ],
        handler: handler('install'),
      },
      {
        name: 'list',
        aliases: ['ls'],
        summary: 'List installed plugins and their health',
        handler: handler('list'),
      },
      {
        name: 'uninstall',
        aliases: ['remove', 'rm'],
        summary: 'Uninstall plugins',
        positionals: [
          {
            name: 'name',
            summary: 'Plugin package names',
            required: true,
            variadic: true,
            complete: pluginNames,
          },
        ],
        options: [
          { name: 'force', type: 'boolean', summary: 'Uninstall even if a preUninstall hook fails' },
          { name: 'allow-scripts', type: 'boolean', summary: 'Run the preUninstall hooks of the plugins' },
        ],
        handler: handler('uninstall'),
      },
      {
        name: 'update',
        aliases: ['upgrade'],
        summary: 'Update plugins within the range or tag they were installed with',
        positionals: [
          {
            name: 'name',
            summary: 'Plugin package names (default: all)',
            variadic: true,
            complete: pluginNames,
          },
        ],
        options: [registry],
        handler: handler('update'),
      },
      {
        name: 'validate',
        summary: 'Check an installed plugin, or a plugin folder, for errors and warnings',
        positionals: [
          { name: 'plugin', summary: 'Installed plugin name or a folder (default: all installed)' },
        ],
        handler: handler('validate'),
      },
      {
        name: 'link',
        summary: 'Use a plugin from a folder in place, for development',
        positionals: [{ name: 'folder', summary: 'The plugin project folder', required: true }],
        handler: handler('link'),
      },
      {
        name: 'unlink',
        summary: 'Stop using a linked plugin',
        positionals: [{ name: 'name', summary: 'The linked plugin name', required: true }],
        handler: handler('unlink'),
      },
      {
        name: 'info',
        summary: 'Show everything known about one plugin',
        positionals: [
          { name: 'name', summary: 'Plugin package name', required: true, complete: pluginNames },
        ],
        handler: handler('info'),
      },
      {
        name: 'doctor',
        summary: 'Check the plugins folder and repair what an interrupted operation or a damaged file left',
        handler: handler('doctor'),
      },
      {
        name: 'search',
        summary: 'Search the registry for plugins for this CLI',
        positionals: [{ name: 'term', summary: 'Words to search for', required: true, variadic: true }],
        options: [registry, { name: 'limit', type: 'number', summary: 'Most results to show', default: 20 }],
        handler: handler('search'),
      },
    ],
  };
}
