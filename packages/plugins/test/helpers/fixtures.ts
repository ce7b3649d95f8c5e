import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Options of a generated plugin package. */
export interface PluginFixture {
  name: string;
  version: string;
  /** ESM (`"type": "module"`) or CommonJS definitions, handlers and hooks. */
  type?: 'commonjs' | 'module';
  /** Top-level group name (default: derived from the package name). */
  group?: string;
  /** Definitions as a .json file instead of a JS module. */
  json?: boolean;
  /** Leave out the command manifest (`edict.manifest.json`) a packed plugin carries. */
  noManifest?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  engines?: Record<string, string>;
  /** Omit the `edict` field. */
  noEdict?: boolean;
  /** A handler path that does not exist. */
  missingHandler?: boolean;
  /** postInstall: write a marker file into the plugin root, or throw. */
  postInstall?: 'marker' | 'throw';
  /** preUninstall: write a marker into the given folder, or throw. */
  preUninstall?: { markerDir: string } | 'throw';
  scripts?: Record<string, string>;
  keywords?: string[];
}

export const HOST = {
  name: 'mycli',
  version: '0.1.0',
  packageName: 'mycli',
  frameworkVersion: '0.1.0',
  builtinNames: ['plugins', 'config', 'help'],
};

function exportLine(type: 'commonjs' | 'module', name: string, value: string): string {
  return type === 'module' ? `export const ${name} = ${value};\n` : `exports.${name} = ${value};\n`;
}

/** Writes a plugin package into `parent/<encoded name>-<version>` and returns its folder. */
export function writePlugin(parent: string, f: PluginFixture): string {
  const type = f.type ?? 'commonjs';
  const dir = join(parent, `${f.name.replace('/', '+')}-${f.version}`);
  mkdirSync(join(dir, 'handlers'), { recursive: true });
  const group = f.group ?? f.name.replace(/^@[^/]+\//, '').replace(/^mycli-plugin-/, '');
  const hooks: Record<string, string> = {};
  if (f.postInstall) hooks.postInstall = './hooks/postInstall.js';
  if (f.preUninstall) hooks.preUninstall = './hooks/preUninstall.js';
  const pkg = {
    name: f.name,
    version: f.version,
    license: 'MIT',
    ...(type === 'module' ? { type: 'module' } : {}),
    keywords: f.keywords ?? ['mycli-plugin'],
    ...(f.noEdict
      ? {}
      : {
          edict: {
            commands: f.json ? './commands.json' : './commands.js',
            ...(Object.keys(hooks).length ? { hooks } : {}),
          },
        }),
    peerDependencies: f.peerDependencies ?? { '@edict/core': '^0.1.0', mycli: '^0.1.0' },
    ...(f.dependencies ? { dependencies: f.dependencies } : {}),
    ...(f.optionalDependencies ? { optionalDependencies: f.optionalDependencies } : {}),
    ...(f.engines ? { engines: f.engines } : {}),
    ...(f.scripts ? { scripts: f.scripts } : {}),
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  const commands = [
    {
      kind: 'group',
      name: group,
      summary: `Commands of ${f.name}`,
      children: [
        {
          name: 'run',
          summary: 'Run it',
          handler: f.missingHandler ? './handlers/nope.js' : './handlers/run.js',
        },
      ],
    },
  ];
  if (f.json) writeFileSync(join(dir, 'commands.json'), JSON.stringify(commands));
  else
    writeFileSync(join(dir, 'commands.js'), exportLine(type, 'commands', JSON.stringify(commands, null, 2)));
  if (!f.json && !f.noManifest && !f.noEdict) {
    writeFileSync(
      join(dir, 'edict.manifest.json'),
      JSON.stringify({ edictManifest: 1, name: f.name, version: f.version, commands }, null, 2),
    );
  }
  writeFileSync(
    join(dir, 'handlers', 'run.js'),
    exportLine(
      type,
      'handler',
      `async () => ({ plugin: ${JSON.stringify(f.name)}, version: ${JSON.stringify(f.version)} })`,
    ),
  );
  if (f.postInstall || f.preUninstall) mkdirSync(join(dir, 'hooks'));
  const imports =
    type === 'module'
      ? `import { writeFileSync } from 'node:fs';\nimport { join } from 'node:path';\n`
      : `const { writeFileSync } = require('node:fs');\nconst { join } = require('node:path');\n`;
  if (f.postInstall) {
    const body =
      f.postInstall === 'throw'
        ? `async () => { throw new Error('postInstall refuses'); }`
        : `async (ctx) => { writeFileSync(join(ctx.plugin.root, 'post-install-ran.txt'), ` +
          `ctx.host.name + ' ' + process.cwd()); return 'ok'; }`;
    writeFileSync(join(dir, 'hooks', 'postInstall.js'), imports + exportLine(type, 'postInstall', body));
  }
  if (f.preUninstall) {
    const body =
      f.preUninstall === 'throw'
        ? `async () => { throw new Error('preUninstall refuses'); }`
        : `async (ctx) => { writeFileSync(join(${JSON.stringify(f.preUninstall.markerDir)}` +
          `, 'pre-uninstall-' + ctx.plugin.version + '.txt'), ctx.plugin.name); }`;
    writeFileSync(join(dir, 'hooks', 'preUninstall.js'), imports + exportLine(type, 'preUninstall', body));
  }
  return dir;
}

/** package.json fields of a library fixture, and extra files to write beside it. */
export interface LibraryExtras {
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  files?: Record<string, string>;
}

/** Writes a plain library package `parent/<name>-<version>` exporting its version. */
export function writeLibrary(
  parent: string,
  name: string,
  version: string,
  extra: LibraryExtras = {},
): string {
  const dir = join(parent, `${name.replace('/', '+')}-${version}`);
  mkdirSync(dir, { recursive: true });
  const { files, ...fields } = extra;
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name, version, license: 'MIT', main: 'index.js', ...fields }, null, 2),
  );
  writeFileSync(join(dir, 'index.js'), `exports.version = ${JSON.stringify(version)};\n`);
  for (const [file, content] of Object.entries(files ?? {})) writeFileSync(join(dir, file), content);
  return dir;
}
