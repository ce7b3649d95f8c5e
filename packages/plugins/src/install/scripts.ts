import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArboristInstance, ArboristNode } from '../heavy';

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'] as const;

/** A package in a plugin's tree whose install scripts were not run. */
export interface SkippedScript {
  name: string;
  version: string;
  scripts: string[];
}

/** Which packages' install scripts may run: all (`true`), none (`false`) or those named. */
export type ScriptPolicy = boolean | readonly string[];

function installScriptsOf(node: ArboristNode): string[] {
  let scripts = node.package.scripts;
  try {
    scripts = (
      JSON.parse(readFileSync(join(node.path, 'package.json'), 'utf8')) as {
        scripts?: Record<string, string>;
      }
    ).scripts;
  } catch {
    // the package.json arborist already read is the fallback
  }
  return INSTALL_SCRIPTS.filter((s) => typeof scripts?.[s] === 'string' && scripts[s] !== '');
}

/** `name`, `name@range`, `@scope/name` → the package name an allow-list entry names. */
function entryName(entry: string): string {
  const at = entry.indexOf('@', 1);
  return at === -1 ? entry : entry.slice(0, at);
}

/**
 * The tree was reified with scripts off. Runs the install scripts of the packages the policy
 * allows (with arborist's own rebuild) and reports the packages whose scripts were skipped.
 */
export async function runAllowedScripts(
  tree: ArboristNode,
  policy: ScriptPolicy,
  makeArborist: (extra: Record<string, unknown>) => ArboristInstance,
): Promise<SkippedScript[]> {
  const allowedNames = new Set(Array.isArray(policy) ? policy.map(entryName) : []);
  const allowed: ArboristNode[] = [];
  const skipped: SkippedScript[] = [];
  for (const node of tree.inventory.values()) {
    if (node.isProjectRoot) continue;
    const scripts = installScriptsOf(node);
    if (scripts.length === 0) continue;
    const name = node.package.name ?? node.name;
    if (policy === true || allowedNames.has(name)) allowed.push(node);
    else skipped.push({ name, version: node.package.version ?? '', scripts });
  }
  if (allowed.length > 0) await makeArborist({ ignoreScripts: false }).rebuild({ nodes: allowed });
  return skipped.sort((a, b) => a.name.localeCompare(b.name));
}
