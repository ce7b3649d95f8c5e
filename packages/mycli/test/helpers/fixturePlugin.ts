import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

/** One command of a fixture plugin's top-level group. */
export interface FixtureCommand {
  name: string;
  /** The handler module's source (default: prints `<plugin>@<version> <command>` and returns facts). */
  source?: string;
  /** Point the definition at a handler file that is not written. */
  missingFile?: boolean;
}

/** What a generated plugin package contains. */
export interface FixturePlugin {
  name: string;
  version: string;
  /** `module` writes ESM files (`"type": "module"`). */
  type?: 'commonjs' | 'module';
  /** Top-level group (default: the name without scope and `mycli-plugin-`). */
  group?: string;
  /** Commands of the group (default: one `run`). */
  commands?: FixtureCommand[];
  /** Code placed at the top of the definitions module (runs whenever definitions load). */
  definitionsPrelude?: string;
  /** Omit the `edict` field. */
  noEdict?: boolean;
  /**
   * Leave out the command manifest (`edict.manifest.json`) a packed plugin carries: installs then run the
   * definitions module, sandboxed.
   */
  noManifest?: boolean;
  dependencies?: Record<string, string>;
  /** Default: `@edict/core` ^0.1.0 and `mycli` ^0.1.0. */
  peerDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
  /** Hook sources by hook name (`postInstall`, `preUninstall`, `init`), written to hooks/<name>.js. */
  hooks?: Record<string, string>;
  keywords?: string[];
  description?: string;
}

/** The group a fixture plugin adds. */
export function groupOf(f: Pick<FixturePlugin, 'name' | 'group'>): string {
  return f.group ?? f.name.replace(/^@[^/]+\//, '').replace(/^mycli-plugin-/, '');
}

function defaultHandler(f: FixturePlugin, command: string): string {
  const line = JSON.stringify(`${f.name}@${f.version} ${command}`);
  const facts =
    `{ plugin: ${JSON.stringify(f.name)}, version: ${JSON.stringify(f.version)}` +
    `, command: ${JSON.stringify(command)}` +
    ` }`;
  return f.type === 'module'
    ? `export async function handler(ctx) { ctx.out.text(${line}); return ${facts}; }\n`
    : `exports.handler = async function handler(ctx) { ctx.out.text(${line}); return ${facts}; };\n`;
}

/** Writes a plugin package into `parent/<name>-<version>` (scope `/` → `+`) and returns its folder. */
export function writePlugin(parent: string, f: FixturePlugin): string {
  const type = f.type ?? 'commonjs';
  const dir = join(parent, `${f.name.replace('/', '+')}-${f.version}`);
  mkdirSync(join(dir, 'handlers'), { recursive: true });
  const hookPaths = Object.fromEntries(Object.keys(f.hooks ?? {}).map((h) => [h, `./hooks/${h}.js`]));
  const pkg = {
    name: f.name,
    version: f.version,
    description: f.description ?? `Fixture plugin ${f.name}`,
    license: 'MIT',
    ...(type === 'module' ? { type: 'module' } : {}),
    keywords: f.keywords ?? ['mycli-plugin'],
    ...(f.noEdict ? {} : { edict: { commands: './commands.js', ...(f.hooks ? { hooks: hookPaths } : {}) } }),
    peerDependencies: f.peerDependencies ?? { '@edict/core': '^0.1.0', mycli: '^0.1.0' },
    ...(f.dependencies ? { dependencies: f.dependencies } : {}),
    ...(f.scripts ? { scripts: f.scripts } : {}),
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const commands = f.commands ?? [{ name: 'run' }];
  const group = {
    kind: 'group',
    name: groupOf(f),
    summary: `Commands of ${f.name}`,
    children: commands.map((c) => ({
      name: c.name,
      summary: `The ${c.name} command`,
      handler: `./handlers/${c.name}.js`,
    })),
  };
  const body = JSON.stringify([group], null, 2);
  const exportLine =
    type === 'module' ? `export const commands = ${body};\n` : `exports.commands = ${body};\n`;
  writeFileSync(join(dir, 'commands.js'), `${f.definitionsPrelude ?? ''}\n${exportLine}`);
  if (!f.noManifest && !f.noEdict) {
    writeFileSync(
      join(dir, 'edict.manifest.json'),
      JSON.stringify({ edictManifest: 1, name: f.name, version: f.version, commands: [group] }, null, 2),
    );
  }
  for (const c of commands)
    if (!c.missingFile)
      writeFileSync(join(dir, 'handlers', `${c.name}.js`), c.source ?? defaultHandler(f, c.name));
  for (const [hook, source] of Object.entries(f.hooks ?? {})) {
    mkdirSync(join(dir, 'hooks'), { recursive: true });
    writeFileSync(join(dir, 'hooks', `${hook}.js`), source);
  }
  return dir;
}

/** Writes a plain library `parent/<name>-<version>` whose main exports its version. */
export function writeLibrary(parent: string, name: string, version: string): string {
  const dir = join(parent, `${name}-${version}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name, version, license: 'MIT', main: 'index.js' }, null, 2),
  );
  writeFileSync(join(dir, 'index.js'), `exports.version = ${JSON.stringify(version)};\n`);
  return dir;
}

/** The environment for npm child processes: none of the caller's npm_config_* settings. */
function npmEnv(cache: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, npm_config_cache: cache, npm_config_update_notifier: 'false' };
}

/** Packs `folder` with a real `npm pack` into `dest`; returns the .tgz path. */
export async function npmPack(folder: string, dest: string): Promise<string> {
  mkdirSync(dest, { recursive: true });
  await promisify(execFile)('npm', ['pack', folder, '--pack-destination', dest, '--ignore-scripts'], {
    cwd: dest,
    env: npmEnv(join(dirname(dest), 'npm-pack-cache')),
  });
  const tgz = readdirSync(dest).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error(`npm pack wrote no .tgz into ${dest}`);
  return join(dest, tgz);
}
