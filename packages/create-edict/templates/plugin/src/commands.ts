import type { CommandNode } from '@edict/core';

/**
 * The commands this plugin adds to {{host}}: plain data. `edict-manifest` copies them into
 * edict.manifest.json when the plugin is packed, and installs read that file, not this module.
 * Each `handler` is a path relative to the plugin's folder, loaded only when its command runs.
 * (`import type` keeps this module free of runtime imports.)
 */
export const commands: CommandNode[] = [
  {
    kind: 'group',
    name: '{{command}}',
    summary: {{descriptionJson}},
    children: [
      {
        name: 'hello',
        summary: 'Say hello',
        positionals: [{ name: 'name', summary: 'Who to greet (default: world)' }],
        options: [{ name: 'shout', aliases: ['s'], type: 'boolean', summary: 'Greet in capitals' }],
        examples: [{ command: '{{host}} {{command}} hello Ada --shout', description: 'Greet Ada loudly' }],
        handler: './lib/handlers/hello.js',
      },
    ],
  },
];
