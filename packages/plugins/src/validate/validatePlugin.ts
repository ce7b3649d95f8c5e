import { resolve } from 'node:path';
import type { PluginHost, PluginIssue, ValidationResult } from '../types';
import { findCollisions } from './collisions';
import {
  describeIncompatibilities,
  findIncompatibilities,
  FRAMEWORK_PACKAGE,
  isInjectedPackage,
} from './compatibility';
import { readDefinitions, type LoadedDefinitions } from './readDefinitions';
import { parseEdictField, readPackageJson, type PluginPackageJson } from './pluginManifest';

export interface ValidateOptions {
  /** Names already claimed (name → owner: `built-in` or a plugin name); defaults to the host's built-ins. */
  taken?: ReadonlyMap<string, string>;
  /**
   * A plugin with no command manifest: read its commands by running its definitions module in a
   * sandboxed child (default true; false makes it an error).
   */
  generate?: boolean;
}

/** The result of validating a plugin folder, with what was loaded on the way. */
export interface DetailedValidation extends ValidationResult {
  pkg?: PluginPackageJson;
  definitions?: LoadedDefinitions;
}

const issue = (code: string, message: string): PluginIssue => ({ code, message });

/**
 * Validates the plugin in `root` against `host`: the `edict` field, its command manifest (data;
 * see `readDefinitions`), that every handler and hook file exists inside the plugin, collisions
 * with built-in (and other plugins') command names, the peer ranges on the host and framework,
 * and packages the host injects listed as regular dependencies (a warning).
 */
export async function validatePlugin(
  root: string,
  host: PluginHost,
  options: ValidateOptions = {},
): Promise<DetailedValidation> {
  return validate(root, host, options);
}

function validate(root: string, host: PluginHost, options: ValidateOptions): DetailedValidation {
  const errors: PluginIssue[] = [];
  const warnings: PluginIssue[] = [];
  let pkg: PluginPackageJson;
  try {
    pkg = readPackageJson(root);
  } catch (err) {
    errors.push(
      issue('PACKAGE_JSON', `cannot read ${resolve(root, 'package.json')}: ${(err as Error).message}`),
    );
    return { errors, warnings };
  }
  const { field, problems } = parseEdictField(pkg.edict);
  for (const p of problems) errors.push(issue(pkg.edict === undefined ? 'NOT_A_PLUGIN' : 'EDICT_FIELD', p));
  const incompat = findIncompatibilities(pkg, host);
  if (incompat.length > 0) errors.push(issue('INCOMPATIBLE', describeIncompatibilities(incompat)));
  for (const peer of [host.packageName, FRAMEWORK_PACKAGE]) {
    if (!pkg.peerDependencies?.[peer])
      warnings.push(
        issue(
          'NO_PEER_RANGE',
          `no peerDependencies entry for ${peer}: compatibility with the host cannot be checked`,
        ),
      );
  }
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    if (isInjectedPackage(dep, host)) {
      warnings.push(
        issue(
          'INJECTED_DEPENDENCY',
          `${dep} is listed in "dependencies"; the host provides it ` +
            `at run time, so list it in "peerDependencies" (and "devDependencies")`,
        ),
      );
    }
  }
  const keyword = `${host.name}-plugin`;
  if (!Array.isArray(pkg.keywords) || !pkg.keywords.includes(keyword)) {
    warnings.push(
      issue(
        'NO_KEYWORD',
        `"keywords" lacks "${keyword}", so \`${host.name} plugins search\` will not find it`,
      ),
    );
  }
  if (!field) return { errors, warnings, pkg };
  const definitions = readDefinitions(root, pkg, field, host, { generate: options.generate ?? true });
  for (const e of definitions.errors) errors.push(issue('DEFINITIONS', e));
  for (const w of definitions.warnings)
    warnings.push(issue(definitions.source === 'generated' ? 'NO_MANIFEST' : 'MANIFEST', w));
  if (definitions.commands.length === 0 && definitions.errors.length === 0)
    warnings.push(issue('NO_COMMANDS', 'the plugin defines no commands'));
  const taken = options.taken ?? new Map(host.builtinNames.map((n) => [n, 'built-in']));
  for (const c of findCollisions(definitions.commands, taken)) errors.push(issue('COLLISION', c));
  return { errors, warnings, pkg, definitions };
}
