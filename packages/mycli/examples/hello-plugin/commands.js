// Data-only command definitions: `edict-manifest` copies them into edict.manifest.json, which the
// host reads at install time; the handler file is loaded only when `mycli hello world` runs.
exports.commands = [
  {
    kind: 'group',
    name: 'hello',
    summary: 'Sample commands from the hello plugin',
    children: [
      {
        name: 'world',
        summary: 'Greet someone',
        positionals: [{ name: 'name', summary: 'Who to greet', required: false }],
        options: [
          { name: 'shout', type: 'boolean', summary: 'Greet in capitals', aliases: ['s'] },
          { name: 'greeting', type: 'string', summary: 'The greeting word (default: Hello)' },
          { name: 'token', type: 'string', summary: 'The token to sign the greeting with', config: false },
        ],
        // A greeter profile, when there is one, fills --greeting and --token.
        profile: { optional: ['greeter'] },
        examples: [{ command: 'mycli hello world Ada --shout', description: 'Greet Ada loudly' }],
        handler: './handlers/world.js',
      },
    ],
  },
];

// Profile types are data too: a greeter profile holds a greeting and a token; the token is secure,
// so it lives in the OS credential store, never in a config file.
exports.profileTypes = [
  {
    type: 'greeter',
    summary: 'How the hello plugin greets, and the token it signs greetings with',
    properties: {
      greeting: { type: 'string', description: 'The greeting word' },
      token: { type: 'string', description: 'The token to sign greetings with', secure: true },
    },
    // A greeter profile in use must have a token: without one (and no --token), the command asks
    // for it on a terminal, or fails listing the ways to give it.
    required: ['token'],
  },
];
