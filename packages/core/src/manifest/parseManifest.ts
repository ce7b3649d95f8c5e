import { checkProfileTypes } from '../profiles/checkProfileTypes';
import { checkCommandTree } from './checkCommandTree';
import { MANIFEST_VERSION, type PluginManifest } from './format';

/**
 * Reads a manifest's text: valid JSON, an object with `edictManifest` equal to
 * {@link MANIFEST_VERSION}, string `name` and `version`, `commands` that pass
 * {@link checkCommandTree}, and `profileTypes` (when present) that pass `checkProfileTypes`.
 * Pure: the caller reads the file.
 *
 * @param text The file's content.
 * @param file The file's path, named in the JSON syntax error.
 * @returns The manifest (commands deep-copied) when there is no problem, else one message per
 * problem.
 */
export function parseManifest(text: string, file: string): { manifest?: PluginManifest; errors: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { errors: [`${file} is not valid JSON: ${(err as Error).message}`] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { errors: [`${file} must hold a JSON object`] };
  const { edictManifest, name, version } = data as Record<string, unknown>;
  const errors: string[] = [];
  if (edictManifest !== MANIFEST_VERSION) {
    const got = edictManifest === undefined ? 'missing' : JSON.stringify(edictManifest);
    errors.push(
      `"edictManifest" is ${got}; this version of Edict reads manifest version ${MANIFEST_VERSION}`,
    );
  }
  if (typeof name !== 'string' || name === '') errors.push('"name" must be a non-empty string');
  if (typeof version !== 'string' || version === '') errors.push('"version" must be a non-empty string');
  const tree = checkCommandTree((data as Record<string, unknown>).commands);
  const types = checkProfileTypes((data as Record<string, unknown>).profileTypes);
  errors.push(...tree.errors, ...types.errors);
  if (errors.length > 0) return { errors };
  return {
    manifest: {
      edictManifest: MANIFEST_VERSION,
      name: name as string,
      version: version as string,
      commands: tree.commands,
      ...(types.types.length > 0 ? { profileTypes: types.types } : {}),
    },
    errors,
  };
}
