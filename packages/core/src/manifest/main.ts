import { isAbsolute, relative, resolve } from 'node:path';
import { isEdictError } from '../errors/EdictError';
import { generateManifest } from './generateManifest';

/** The outside world of one `edict-manifest` run (the bin passes `process`'s). */
export interface ManifestMainIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  cwd: string;
}

export const MANIFEST_USAGE = `Usage: edict-manifest [folder]

Writes the command manifest (edict.manifest.json, or the path in package.json
"edict.manifest") of the plugin in folder (default: the current folder), from the
definitions that package.json "edict.commands" names. Run it after the build, in
"prepack": installs read only the manifest and never run the plugin's code.
`;

/** `edict-manifest`'s command line. Returns the exit code: 0 written, 1 invalid plugin, 2 bad arguments. */
export async function manifestMain(argv: readonly string[], io: ManifestMainIO): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(MANIFEST_USAGE);
    return 0;
  }
  const unknown = argv.find((a) => a.startsWith('-'));
  if (unknown !== undefined || argv.length > 1) {
    io.stderr.write(
      `Error: ${unknown !== undefined ? `unknown option ${unknown}` : 'give at most one folder'}\n\n` +
        MANIFEST_USAGE,
    );
    return 2;
  }
  try {
    const { file, manifest, warnings } = await generateManifest(resolve(io.cwd, argv[0] ?? '.'));
    const names = manifest.commands.map((c) => c.name);
    const rel = relative(io.cwd, file);
    const shown = rel.startsWith('..') || isAbsolute(rel) ? file : rel;
    io.stdout.write(
      `Wrote ${shown}: ${names.length} command${names.length === 1 ? '' : 's'} (${names.join(', ')})\n`,
    );
    for (const warning of warnings) io.stderr.write(`Warning: ${warning}\n`);
    return 0;
  } catch (err) {
    if (!isEdictError(err)) throw err;
    io.stderr.write(`Error: ${err.message}\n${err.hint ? `Try: ${err.hint}\n` : ''}`);
    return err.exitCode;
  }
}
