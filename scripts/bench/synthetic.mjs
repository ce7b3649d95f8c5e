// Synthetic packages for the benchmark: N plugins (each a command group of several commands and a
// few dependencies) plus their dependency packages, and one "big" plugin whose tree holds about
// 30 transitive dependencies, for the install comparison. Everything is generated in memory as
// { manifest, files } and published with one HTTP PUT each (see publish.mjs).

/** Commands of every synthetic plugin's group. */
export const PLUGIN_COMMANDS = ['list', 'get', 'create', 'delete', 'run'];
/** How many shared dependency packages the synthetic plugins pick from. */
const DEP_POOL = 20;

const pad = (i, width = 3) => String(i).padStart(width, '0');
const text = (s) => Buffer.from(s);
/** Some filler so packages have a realistic size (a README and a little code). */
const filler = (name) => `# ${name}\n\n${`Synthetic package for the Edict benchmark. `.repeat(40)}\n`;

export const pluginName = (i) => `bench-plugin-${pad(i)}`;
export const pluginGroup = (i) => `bp${pad(i)}`;
const depName = (i) => `bench-dep-${pad(i, 2)}`;
export const BIG_PLUGIN = 'bench-big-plugin';
/** The profile type of synthetic plugin 0, whose `get` command reads a profile with a secure token. */
export const PROFILE_TYPE = {
  type: 'bench',
  summary: 'A synthetic service connection',
  properties: {
    region: { type: 'string', description: 'Where the service runs' },
    token: { type: 'string', description: 'The token to call it with', secure: true },
  },
  required: ['token'],
};
/** The command of plugin 0 that uses {@link PROFILE_TYPE}. */
export const PROFILE_COMMAND = 'get';

function library(name, version, dependencies = {}) {
  const requires = Object.keys(dependencies)
    .map((d, i) => `const dep${i} = require('${d}');`)
    .join('\n');
  const calls = Object.keys(dependencies)
    .map((_, i) => `dep${i}(s)`)
    .join(', ');
  return {
    manifest: {
      name,
      version,
      description: `Synthetic dependency ${name}`,
      license: 'MIT',
      main: 'index.js',
      dependencies,
    },
    files: [
      { path: 'package.json', data: null },
      { path: 'README.md', data: text(filler(name)) },
      {
        path: 'index.js',
        data: text(
          `'use strict';\n${requires}\n// Formats a value the way ${name}` +
            ` does.\nmodule.exports = function format(s) {\n  const parts = [${calls}` +
            `];\n  return '[${name}` +
            `] ' + String(s) + (parts.length ? ' ' + parts.join(' ') : '');\n};\n`,
        ),
      },
    ],
  };
}

function commandNode(i, command, handlerDir) {
  // Plugin 0's `get` fills --region and --token from a `bench` profile.
  const profiled = i === 0 && command === PROFILE_COMMAND;
  const profileOptions = [
    { name: 'region', type: 'string', summary: 'Where the service runs' },
    { name: 'token', type: 'string', summary: 'The token to call it with', required: true, config: false },
  ];
  return {
    ...(profiled ? { profile: { required: [PROFILE_TYPE.type] } } : {}),
    name: command,
    summary: `${command[0].toUpperCase()}${command.slice(1)} things of synthetic plugin ${i}`,
    description:
      `Runs ${command} against the synthetic service number ${i}` +
      `. It exists to give the help and the command index a realistic size.`,
    positionals: [{ name: 'target', summary: 'What to act on', required: false }],
    options: [
      { name: 'limit', aliases: ['l'], type: 'number', summary: 'How many items at most', default: 10 },
      { name: 'filter', type: 'string', summary: 'Only items whose name matches' },
      { name: 'verbose', type: 'boolean', summary: 'Say more' },
      { name: 'mode', type: 'string', summary: 'How to run', choices: ['fast', 'safe'], default: 'safe' },
      ...(profiled ? profileOptions : []),
    ],
    examples: [
      {
        command: `mycli ${pluginGroup(i)} ${command} item-1 --limit 5`,
        description: `${command} up to five items`,
      },
    ],
    handler: `./${handlerDir}/${command}.js`,
  };
}

function plugin(i, name, dependencies, description) {
  const group = pluginGroup(i);
  const commands = [
    {
      kind: 'group',
      name: group,
      summary: description,
      children: PLUGIN_COMMANDS.map((c) => commandNode(i, c, 'handlers')),
    },
  ];
  const firstDep = Object.keys(dependencies)[0];
  const handler = (command) =>
    text(
      `'use strict';\nconst format = require('${firstDep}');\n` +
        `exports.handler = async function ${command}Command(ctx) {\n` +
        `  const signed = ctx.args.token ? ' (token of ' + ctx.args.token.length + ' characters)' : '';\n` +
        `  const line = format('${group} ${command} ' + (ctx.args.target ?? 'all')) + signed;\n` +
        `  ctx.out.text(line);\n  return { plugin: '${name}', command: '${command}', line };\n};\n`,
    );
  return {
    manifest: {
      name,
      version: '1.0.0',
      description,
      license: 'MIT',
      main: 'commands.js',
      keywords: ['mycli-plugin'],
      edict: { commands: './commands.js' },
      dependencies,
      peerDependencies: { '@edict/core': '>=0.1.0 <1', mycli: '>=0.1.0 <1' },
    },
    files: [
      { path: 'package.json', data: null },
      { path: 'README.md', data: text(filler(name)) },
      {
        path: 'commands.js',
        data: text(
          `'use strict';\nexports.commands = ${JSON.stringify(commands, null, 2)};\n` +
            (i === 0 ? `exports.profileTypes = ${JSON.stringify([PROFILE_TYPE], null, 2)};\n` : ''),
        ),
      },
      ...PLUGIN_COMMANDS.map((c) => ({ path: `handlers/${c}.js`, data: handler(c) })),
    ],
  };
}

/** The shared dependency pool and `count` plugins, each depending on three pool packages. */
export function syntheticPlugins(count) {
  const packages = Array.from({ length: DEP_POOL }, (_, d) => library(depName(d), '1.0.0'));
  for (let i = 0; i < count; i++) {
    const deps = [i % DEP_POOL, (i + 7) % DEP_POOL, (i + 13) % DEP_POOL].map(depName);
    packages.push(
      plugin(i, pluginName(i), Object.fromEntries(deps.map((d) => [d, '^1.0.0'])), `Synthetic plugin ${i}`),
    );
  }
  return packages;
}

/**
 * A plugin with 30 transitive dependencies: 5 direct ones, each with 5 of its own. Every
 * package has two versions (1.0.0 and 1.1.0) so resolving `^1.0.0` picks among several.
 */
export function bigPlugin() {
  const packages = [];
  const direct = {};
  for (let t = 0; t < 5; t++) {
    const leaves = {};
    for (let l = 0; l < 5; l++) {
      const leaf = `bench-leaf-${t}-${l}`;
      leaves[leaf] = '^1.0.0';
      packages.push(library(leaf, '1.0.0'), library(leaf, '1.1.0'));
    }
    const tree = `bench-tree-${t}`;
    direct[tree] = '^1.0.0';
    packages.push(library(tree, '1.0.0', leaves), library(tree, '1.1.0', leaves));
  }
  packages.push(plugin(999, BIG_PLUGIN, direct, 'Synthetic plugin with about 30 transitive dependencies'));
  return packages;
}
