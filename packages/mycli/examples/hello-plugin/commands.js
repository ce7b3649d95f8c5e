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
        options: [{ name: 'shout', type: 'boolean', summary: 'Greet in capitals', aliases: ['s'] }],
        examples: [{ command: 'mycli hello world Ada --shout', description: 'Greet Ada loudly' }],
        handler: './handlers/world.js',
      },
    ],
  },
];
