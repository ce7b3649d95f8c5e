import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { explainNpmError } from '../npm/npmErrors';
import { watchRegistry } from '../npm/watchRegistry';
import { loadArborist, type Manifest } from '../heavy';
import { packageRootIn, stagingRoot } from '../store/paths';
import type { NpmOptions, ProgressFn } from '../types';
import { runAllowedScripts, type ScriptPolicy, type SkippedScript } from './scripts';

/** A plugin built in a staging folder, not yet committed. */
export interface StagedPlugin {
  /** The staging project folder (becomes `installed/<name>`). */
  project: string;
  /** The plugin's package root inside it. */
  root: string;
  skippedScripts: SkippedScript[];
  integrity?: string;
}

export interface StageOptions {
  pluginsDir: string;
  manifest: Manifest;
  /** The dependency spec written into the staging package.json (exact version, `file:…`, URL). */
  dependencySpec: string;
  npmOptions: NpmOptions;
  scripts: ScriptPolicy;
  onProgress?: ProgressFn;
  /** Reported in errors. */
  spec: string;
  hostName: string;
}

/** Creates an empty, uniquely named folder under `.staging`. */
export function makeStagingDir(pluginsDir: string, label: string): string {
  const dir = join(
    stagingRoot(pluginsDir),
    `${label.replace(/[^a-z0-9.-]/gi, '_')}-${randomBytes(4).toString('hex')}`,
  );
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Builds the plugin's own isolated tree in a new staging project whose only dependency is the
 * plugin: its dependencies resolve independently of the host's and of other plugins'. Peer
 * dependencies are not installed (the host injects `@edict/*` and itself at run time), tarball
 * integrity is verified by pacote, and install scripts run only as `scripts` allows.
 */
export async function stagePlugin(options: StageOptions): Promise<StagedPlugin> {
  const project = makeStagingDir(options.pluginsDir, options.manifest.name);
  try {
    return await buildTree(project, options);
  } catch (err) {
    rmSync(project, { recursive: true, force: true });
    throw err;
  }
}

async function buildTree(project: string, options: StageOptions): Promise<StagedPlugin> {
  const { manifest, npmOptions } = options;
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify(
      {
        name: 'edict-plugin-project',
        private: true,
        dependencies: { [manifest.name]: options.dependencySpec },
      },
      null,
      2,
    )}\n`,
  );
  const Arborist = loadArborist();
  const makeArborist = (extra: Record<string, unknown>) =>
    new Arborist({
      ...npmOptions,
      path: project,
      legacyPeerDeps: true,
      installLinks: true,
      ignoreScripts: true,
      global: false,
      audit: false,
      fund: false,
      save: false,
      workspacesEnabled: false,
      progress: false,
      ...extra,
    });
  let tree;
  const stopWatching = watchRegistry(npmOptions, options.onProgress);
  try {
    tree = await makeArborist({}).reify();
  } catch (err) {
    throw explainNpmError(err, options.spec, options.hostName, npmOptions);
  } finally {
    stopWatching();
  }
  const policy: ScriptPolicy = npmOptions.ignoreScripts === true ? false : options.scripts;
  options.onProgress?.({ phase: 'scripts', name: manifest.name, message: 'Checking install scripts' });
  const skippedScripts = await runAllowedScripts(tree, policy, makeArborist);
  const root = packageRootIn(project, manifest.name);
  const node = tree.children.get(manifest.name);
  return {
    project,
    root,
    skippedScripts,
    ...(node?.integrity
      ? { integrity: node.integrity }
      : manifest._integrity
        ? { integrity: manifest._integrity }
        : {}),
  };
}
