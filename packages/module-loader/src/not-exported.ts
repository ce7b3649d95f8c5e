/**
 * A subpath the host's copy of a package does not export. Node's own error names the anchor
 * file the request was resolved from, which does not exist; this one names the plugin file that
 * asked and lists what the package does export, so the author can pick one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageNameOf } from './injected';
import type { RedirectConfig } from './policy';

/** Node's code for a subpath missing from `exports`; kept, so callers matching it still do. */
export const NOT_EXPORTED = 'ERR_PACKAGE_PATH_NOT_EXPORTED';

/** True when `error` is Node's "subpath not exported" error. */
export function isNotExported(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === NOT_EXPORTED;
}

/** The package.json the host resolves `name` from: its own, or the nearest `node_modules/<name>`. */
function hostPackageJson(name: string, config: RedirectConfig): string | undefined {
  if (name === config.hostName) return join(config.hostRoot, 'package.json');
  for (let dir = config.hostRoot; ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The specifiers `exports` allows (`@edict/core`, `mycli/lib/*`); empty when unreadable. */
export function exportedSpecifiers(name: string, packageJson: string): string[] {
  let exportsField: unknown;
  try {
    exportsField = (JSON.parse(readFileSync(packageJson, 'utf8')) as { exports?: unknown }).exports;
  } catch {
    return [];
  }
  const keys =
    exportsField !== null && typeof exportsField === 'object' && !Array.isArray(exportsField)
      ? Object.keys(exportsField)
      : [];
  // Without subpath keys (a string, an array or only conditions) `exports` exports just the root.
  const subpaths = keys.some((key) => key.startsWith('.')) ? keys : ['.'];
  return subpaths.map((key) => (key === '.' ? name : `${name}/${key.replace(/^\.\//, '')}`));
}

/**
 * The error for `request` from `from` that the host's copy refused with `original`; same code,
 * the original as `cause`. `kind` is the verb of the message: `required` or `imported`.
 */
export function notExportedError(
  original: unknown,
  request: string,
  from: string,
  kind: 'required' | 'imported',
  config: RedirectConfig,
): Error {
  const name = packageNameOf(request) ?? request;
  const packageJson = hostPackageJson(name, config);
  const allowed = packageJson ? exportedSpecifiers(name, packageJson) : [];
  const where = packageJson ? ` (${packageJson})` : '';
  const choices = allowed.length > 0 ? ` It exports: ${allowed.join(', ')}.` : '';
  const message = `'${request}' ${kind} by ${from} is not exported by the host's ${name}${where}.${choices}`;
  const error = new Error(message, { cause: original });
  return Object.assign(error, { code: NOT_EXPORTED, request, from, exported: allowed });
}
