import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runHook } from '../../src/install/hooks';
import { readDefinitions } from '../../src/validate/readDefinitions';
import type { PluginHost } from '../../src/types';

// A host with its own @edict/core, and a plugin that carries another copy (as a devDependency
// would put there). Plugin code run by the engine must get the host's copy.
function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function fakeCore(root: string, marker: string): void {
  writeFile(
    join(root, 'node_modules/@edict/core/package.json'),
    JSON.stringify({ name: '@edict/core', version: '0.1.0', main: 'index.js' }),
  );
  writeFile(join(root, 'node_modules/@edict/core/index.js'), `exports.marker = ${JSON.stringify(marker)};\n`);
}

describe.each(['commonjs', 'module'] as const)('plugin code run by the engine (%s plugin)', (type) => {
  let dir: string;
  let host: PluginHost;
  let plugin: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'edict-injection-'));
    const hostRoot = join(dir, 'host');
    writeFile(join(hostRoot, 'package.json'), JSON.stringify({ name: 'mycli', version: '0.1.0' }));
    fakeCore(hostRoot, 'host-core');
    plugin = join(dir, 'plugins', 'installed', 'p', 'node_modules', 'p');
    fakeCore(plugin, 'plugin-core');
    writeFile(
      join(plugin, 'package.json'),
      JSON.stringify({ name: 'p', version: '1.0.0', ...(type === 'module' ? { type: 'module' } : {}) }),
    );
    const useCore =
      type === 'module'
        ? `import { marker } from '@edict/core';\n`
        : `const { marker } = require('@edict/core');\n`;
    const exp = (name: string, value: string): string =>
      type === 'module' ? `export const ${name} = ${value};\n` : `exports.${name} = ${value};\n`;
    writeFile(
      join(plugin, 'commands.js'),
      useCore + exp('commands', `[{ name: 'p', summary: marker, handler: './h.js' }]`),
    );
    writeFile(join(plugin, 'h.js'), exp('handler', '() => 1'));
    writeFile(
      join(plugin, 'hooks.js'),
      (type === 'module'
        ? `import { writeFileSync } from 'node:fs';\n`
        : `const { writeFileSync } = require('node:fs');\n`) +
        useCore +
        exp('postInstall', `(ctx) => writeFileSync(ctx.plugin.root + '/seen.txt', marker)`),
    );
    host = {
      name: 'mycli',
      version: '0.1.0',
      packageName: 'mycli',
      frameworkVersion: '0.1.0',
      builtinNames: [],
      packageRoot: hostRoot,
      envPrefix: 'MYCLI',
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("loads definitions with the host's @edict/core, not the plugin's copy", () => {
    const defs = readDefinitions(
      plugin,
      {},
      { commands: './commands.js', manifest: 'edict.manifest.json', hooks: {} },
      host,
      { generate: true },
    );
    expect(defs.errors).toEqual([]);
    expect(defs.commands[0]?.summary).toBe('host-core');
  });

  it("runs install hooks with the host's @edict/core", async () => {
    await runHook({
      hook: 'postInstall',
      file: join(plugin, 'hooks.js'),
      plugin: { name: 'p', version: '1.0.0', root: plugin },
      host,
      pluginsDir: join(dir, 'plugins'),
    });
    expect(readFileSync(join(plugin, 'seen.txt'), 'utf8')).toBe('host-core');
  });

  it("leaves the plugin's own copy in use when the host does not say where it lives", () => {
    const { packageRoot: _unused, ...noRoot } = host;
    const defs = readDefinitions(
      plugin,
      {},
      { commands: './commands.js', manifest: 'edict.manifest.json', hooks: {} },
      noRoot,
      { generate: true },
    );
    expect(defs.commands[0]?.summary).toBe('plugin-core');
  });
});
