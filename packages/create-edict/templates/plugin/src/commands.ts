import type { CommandNode, ProfileTypeDefinition } from '@edict/core';

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
        options: [
          { name: 'shout', aliases: ['s'], type: 'boolean', summary: 'Greet in capitals' },
          { name: 'greeting', type: 'string', summary: 'The greeting word (default: Hello)' },
          { name: 'token', type: 'string', summary: 'The token to sign the greeting with', config: false },
        ],
        // A {{command}} profile, when the user has one, fills --greeting and --token.
        profile: { optional: ['{{command}}'] },
        examples: [{ command: '{{host}} {{command}} hello Ada --shout', description: 'Greet Ada loudly' }],
        handler: './lib/handlers/hello.js',
      },
    ],
  },
];

/**
 * The profile types this plugin declares, copied into the manifest like the commands. A
 * `{{command}}` profile in {{host}}'s config files holds a greeting and a token; the token is
 * `secure`, so it lives in the OS credential store, never in a file.
 */
export const profileTypes: ProfileTypeDefinition[] = [
  {
    type: '{{command}}',
    summary: 'How {{command}} hello greets, and the token it signs greetings with',
    properties: {
      greeting: { type: 'string', description: 'The greeting word' },
      token: { type: 'string', description: 'The token to sign greetings with', secure: true },
    },
  },
];
