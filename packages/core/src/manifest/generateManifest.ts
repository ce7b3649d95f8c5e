import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EdictError } from '../errors/EdictError';
import { writeFileAtomic } from '../fs/writeFileAtomic';
import { checkCommandTree } from './checkCommandTree';
import { MANIFEST_VERSION, manifestPathOf, type PluginManifest } from './format';

interface PackageFacts {
  name?: unknown;
  version?: unknown;
  files?: unknown;
  edict?: { commands?: unknown; manifest?: unknown };
}

function invalid(root: string, errors: readonly string[], hint: string): EdictError {
  return new EdictError(
    'EDICT_MANIFEST_INVALID',
    `Cannot write the command manifest of ${root}:\n${errors.map((e) => `  - ${e}`).join('\n')}`,
    {
      hint,
      details: { root, errors },
    },
  );
}

function readPackage(root: string): PackageFacts {
  const file = join(root, 'package.json');
  if (!existsSync(file))
    throw invalid(
      root,
      [`there is no package.json in ${root}`],
      'Run edict-manifest in the plugin folder, or pass it: edict-manifest <folder>',
    );
  try {
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (typeof pkg === 'object' && pkg !== null && !Array.isArray(pkg)) return pkg as PackageFacts;
    throw new Error('it must hold a JSON object');
  } catch (err) {
    throw invalid(root, [`package.json cannot be read: ${(err as Error).message}`], `Fix ${file}`);
  }
}

/**
 * Writes a plugin's command manifest: reads `root/package.json` (`name`, `version`,
 * `edict.commands`), loads the definitions it names in this process (a `.json` file, or a
 * CommonJS or ESM module exporting `commands` or a default), checks them with
 * {@link checkCommandTree} and writes the manifest atomically to {@link manifestPathOf} (JSON,
 * 2-space indent). Meant for a plugin's own build or `prepack`: this runs the author's code,
 * which installs never do.
 *
 * @throws EdictError `EDICT_MANIFEST_INVALID`, listing every problem, when nothing could be written.
 * @returns The file written, the manifest, and warnings about a package that would still be
 * broken: a `files` list that leaves the manifest out, handler files that do not exist.
 */
export async function generateManifest(
  root: string,
): Promise<{ file: string; manifest: PluginManifest; warnings: string[] }> {
  const dir = resolve(root);
  const pkg = readPackage(dir);
  const errors: string[] = [];
  if (typeof pkg.name !== 'string' || pkg.name === '')
    errors.push('package.json "name" must be a non-empty string');
  if (typeof pkg.version !== 'string' || pkg.version === '')
    errors.push('package.json "version" must be a non-empty string');
  const definitions = typeof pkg.edict === 'object' && pkg.edict !== null ? pkg.edict.commands : undefined;
  if (typeof definitions !== 'string' || definitions === '') {
    errors.push('package.json has no "edict": { "commands": "<path>" } naming the command definitions');
    throw invalid(
      dir,
      errors,
      'Add "edict": { "commands": "./lib/commands.js" } to package.json (see docs/plugins.md)',
    );
  }
  const definitionsFile = resolve(dir, definitions);
  // Required here, as the handler loader is: a module with import() stays off the startup path.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadDefinitions } = require('./loadDefinitions') as typeof import('./loadDefinitions');
  const loaded = existsSync(definitionsFile)
    ? await loadDefinitions(definitionsFile)
    : { error: `the command definitions ${definitionsFile} do not exist` };
  if (loaded.error) errors.push(loaded.error);
  const tree = loaded.error ? { commands: [], errors: [] } : checkCommandTree(loaded.commands);
  errors.push(...tree.errors);
  if (errors.length > 0) {
    throw invalid(
      dir,
      errors,
      `Fix the command definitions in ${definitions}` +
        ` (build them first if they are compiled), then run edict-manifest again`,
    );
  }
  const manifest: PluginManifest = {
    edictManifest: MANIFEST_VERSION,
    name: pkg.name as string,
    version: pkg.version as string,
    commands: tree.commands,
  };
  const file = manifestPathOf(dir, pkg.edict);
  writeFileAtomic(file, `${JSON.stringify(manifest, null, 2)}\n`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { manifestWarnings } = require('./warnings') as typeof import('./warnings');
  return { file, manifest, warnings: manifestWarnings(dir, pkg.files, file, tree.commands) };
}
