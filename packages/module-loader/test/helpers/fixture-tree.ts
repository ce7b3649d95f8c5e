/**
 * Builds the seed's example on disk: a host CLI (`some-host-cli`) with its framework
 * (`@edict/core`) and test-pkg@1.0.0, and a plugins folder holding `some-plugin-name` with
 * test-pkg@2.0.0 and its own dev copies of `@edict/core` and the host.
 */
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

type Tree = Record<string, string | object>;

function writeTree(root: string, tree: Tree): void {
  for (const [path, content] of Object.entries(tree)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
}

/** A fake framework package; `copy` tells the host's copy from a plugin's dev copy. */
function framework(copy: string): Tree {
  return {
    'package.json': {
      name: '@edict/core',
      version: '1.0.0',
      exports: {
        '.': './lib/index.js',
        './lib/error': './lib/error/index.js',
        './lib/*': './lib/*.js',
        './flavour': { import: './lib/flavour.mjs', require: './lib/flavour.cjs' },
        './package.json': './package.json',
      },
    },
    'lib/index.js':
      `exports.copy = ${JSON.stringify(copy)};\n` +
      "exports.EdictError = require('./error/index.js').EdictError;\n",
    'lib/error/index.js': 'class EdictError extends Error {}\nexports.EdictError = EdictError;\n',
    'lib/flavour.mjs': 'export default "import";\n',
    'lib/flavour.cjs': 'module.exports = "require";\n',
  };
}

function under(prefix: string, tree: Tree): Tree {
  return Object.fromEntries(Object.entries(tree).map(([path, content]) => [`${prefix}/${path}`, content]));
}

function simplePackage(name: string, version: string): Tree {
  return {
    'package.json': { name, version, main: 'index.js' },
    'index.js': `module.exports = { name: ${JSON.stringify(name)}, version: ${JSON.stringify(version)} };\n`,
  };
}

/** The host package; the plugin's dev copy (`full` false) loads nothing. */
function hostPackage(copy: string, withExports: boolean, full: boolean): Tree {
  const main = full
    ? [
        `exports.copy = ${JSON.stringify(copy)};`,
        "exports.core = require('@edict/core');",
        "exports.testPkgVersion = require('test-pkg').version;",
        "exports.otherDepCore = require('other-dep').coreFile;",
        '',
      ].join('\n')
    : `exports.copy = ${JSON.stringify(copy)};\n`;
  return {
    'package.json': {
      name: 'some-host-cli',
      version: '1.0.0',
      main: 'lib/index.js',
      ...(withExports
        ? { exports: { '.': './lib/index.js', './lib/*': './lib/*.js', './package.json': './package.json' } }
        : {}),
      dependencies: { 'test-pkg': '1.0.0', '@edict/core': '1.0.0' },
    },
    'lib/index.js': main,
  };
}

/** Paths of one fixture tree (all real paths). */
export interface Fixture {
  dir: string;
  hostRoot: string;
  pluginsDir: string;
  pluginRoot: string;
}

/** Create the tree in a fresh temp dir; the plugin's `index.js` is `pluginIndex` (CJS or ESM per `esm`). */
export function buildFixture(pluginIndex: string, options: { esm: boolean; hostExports?: boolean }): Fixture {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'edict-module-loader-')));
  const hostRoot = join(dir, 'host');
  const pluginsDir = join(dir, 'plugins');
  const pluginRoot = join(pluginsDir, 'node_modules', 'some-plugin-name');
  writeTree(hostRoot, {
    ...hostPackage('host', options.hostExports ?? false, true),
    ...under('node_modules/@edict/core', framework('host')),
    ...under('node_modules/test-pkg', simplePackage('test-pkg', '1.0.0')),
    ...under('node_modules/@edict/core-extra', simplePackage('@edict/core-extra', 'host')),
    ...under('node_modules/some-host-cli-tools', simplePackage('some-host-cli-tools', 'host')),
    // A host dependency with its own nested framework copy: host-side code must stay untouched.
    'node_modules/other-dep/package.json': { name: 'other-dep', version: '1.0.0', main: 'index.js' },
    'node_modules/other-dep/index.js': "exports.coreFile = require.resolve('@edict/core');\n",
    ...under('node_modules/other-dep/node_modules/@edict/core', framework('other-dep')),
  });
  writeTree(pluginRoot, {
    'package.json': {
      name: 'some-plugin-name',
      version: '1.0.0',
      main: 'index.js',
      ...(options.esm ? { type: 'module' } : {}),
      dependencies: { 'test-pkg': '2.0.0' },
      devDependencies: { '@edict/core': '1.0.0', 'some-host-cli': '1.0.0' },
    },
    'index.js': pluginIndex,
    ...under('node_modules/test-pkg', simplePackage('test-pkg', '2.0.0')),
    ...under('node_modules/@edict/core', framework('plugin')),
    ...under('node_modules/some-host-cli', hostPackage('plugin', options.hostExports ?? false, false)),
    ...under('node_modules/@edict/core-extra', simplePackage('@edict/core-extra', 'plugin')),
    ...under('node_modules/some-host-cli-tools', simplePackage('some-host-cli-tools', 'plugin')),
    ...under('node_modules/@edict/testing', simplePackage('@edict/testing', 'plugin')),
  });
  return { dir, hostRoot, pluginsDir, pluginRoot };
}
