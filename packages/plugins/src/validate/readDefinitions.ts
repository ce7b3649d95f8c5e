import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkCommandTree, parseManifest, type CommandNode } from '@edict/core';
import { childLoaderConfig } from '../runner/childLoaderConfig';
import { runPluginCode } from '../runner/runPluginCode';
import { sandboxEnv } from '../runner/sandboxFlags';
import { codeTimeoutMs } from '../runner/timeouts';
import type { DefinitionsSource } from '../store/entryFile';
import type { HookName, PluginHost } from '../types';
import { absolutise } from './absolutise';
import { fileProblem, inside } from './insideRoot';
import type { EdictField, PluginPackageJson } from './pluginManifest';

/** A plugin's command tree and hooks as read from its folder, and what is wrong with them. */
export interface LoadedDefinitions {
  source?: DefinitionsSource;
  /** The file the tree was read from (the manifest, the .json file, or the module run to get it). */
  definitionsFile?: string;
  /** The tree as declared: handler paths relative to the root. */
  declared: CommandNode[];
  /** The tree with every handler an absolute path. */
  commands: CommandNode[];
  /** Hook files as declared (relative) and absolute. */
  declaredHooks: Partial<Record<HookName, string>>;
  hooks: Partial<Record<HookName, string>>;
  errors: string[];
  warnings: string[];
}

export interface ReadDefinitionsOptions {
  /**
   * A plugin with no manifest and a JS definitions module: run the module in a sandboxed child
   * (no writes, no processes, killed at the timeout) to read its commands, with a warning.
   * Otherwise that plugin is an error.
   */
  generate: boolean;
  /** Skip the manifest and read the definitions module (a linked plugin, whose module is the source). */
  ignoreManifest?: boolean;
}

/** Every handler path with the place of its node (`command 0 "deploy" › child 1 "now"`). */
function handlersOf(nodes: readonly CommandNode[], where = 'command'): [label: string, handler: string][] {
  return nodes.flatMap((n, i) => {
    const label = `${where} ${i} "${n.name}"`;
    return n.kind === 'group'
      ? handlersOf(n.children, `${label} › child`)
      : [[label, n.handler as string] as [string, string]];
  });
}

type Raw = {
  source: DefinitionsSource;
  file: string;
  value?: unknown;
  commands?: CommandNode[];
  warnings: string[];
};

function readJson(file: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(readFileSync(file, 'utf8')) as unknown };
  } catch (err) {
    return { error: `${file} cannot be read as JSON: ${(err as Error).message}` };
  }
}

function readRaw(
  root: string,
  pkg: PluginPackageJson,
  field: EdictField,
  host: PluginHost | undefined,
  options: ReadDefinitionsOptions,
): Raw | string {
  const manifestFile = resolve(root, field.manifest);
  if (!options.ignoreManifest && inside(root, manifestFile) && existsSync(manifestFile)) {
    let text: string;
    try {
      text = readFileSync(manifestFile, 'utf8');
    } catch (err) {
      return `${manifestFile} cannot be read: ${(err as Error).message}`;
    }
    const { manifest: m, errors } = parseManifest(text, manifestFile);
    if (!m) return `${field.manifest}: ${errors.join('; ')}`;
    const warnings =
      m.name === pkg.name && m.version === pkg.version
        ? []
        : [
            `${field.manifest} was generated for ${m.name}` +
              `@${m.version}, not ${pkg.name}` +
              `@${pkg.version}; regenerate it with edict-manifest`,
          ];
    return { source: 'manifest', file: manifestFile, commands: m.commands, warnings };
  }
  if (!field.commands) return `there is no command manifest (${field.manifest}) and no "edict.commands"`;
  const file = resolve(root, field.commands);
  const problem = fileProblem(root, file);
  if (problem) return `definitions file ${field.commands} ${problem}`;
  if (file.endsWith('.json')) {
    const { value, error } = readJson(file);
    if (error) return error;
    const v = value as { commands?: unknown } | null;
    return { source: 'json', file, value: Array.isArray(value) ? value : v?.commands, warnings: [] };
  }
  const fix =
    `generate ${field.manifest} with edict-manifest when the plugin is packed ` + `(see docs/plugins.md)`;
  if (!options.generate) return `there is no command manifest (${field.manifest}); ${fix}`;
  const loader = host ? childLoaderConfig(host, root, file) : undefined;
  const env = sandboxEnv(process.env, host?.envPrefix);
  const r = runPluginCode({
    mode: 'definitions',
    file,
    cwd: root,
    env,
    sandbox: true,
    timeoutMs: codeTimeoutMs('definitions'),
    ...(loader ? { loader } : {}),
  });
  if (!r.ok) return `definitions file ${field.commands} failed to load: ${r.message ?? 'unknown error'}`;
  return {
    source: 'generated',
    file,
    value: r.value,
    warnings: [
      `the plugin has no command manifest, so its definitions module ` +
        `was run (sandboxed) to read its commands; its author should ${fix}`,
    ],
  };
}

/**
 * Reads a plugin's command tree as data: its command manifest, or a `.json` definitions file, or
 * (only when `generate`) what its definitions module exports, run in a sandboxed child. Checks the
 * tree's shape, and that every handler and hook file exists and really lies inside the plugin.
 */
export function readDefinitions(
  root: string,
  pkg: PluginPackageJson,
  field: EdictField,
  host: PluginHost | undefined,
  options: ReadDefinitionsOptions,
): LoadedDefinitions {
  const errors: string[] = [];
  const declaredHooks: Partial<Record<HookName, string>> = {};
  const hooks: Partial<Record<HookName, string>> = {};
  for (const [hook, path] of Object.entries(field.hooks) as [HookName, string][]) {
    const abs = resolve(root, path);
    const problem = inside(root, abs) ? fileProblem(root, abs) : 'points outside the plugin';
    if (problem) errors.push(`hook ${hook}: file ${path} ${problem}`);
    declaredHooks[hook] = path;
    hooks[hook] = abs;
  }
  const empty = { declared: [], commands: [], declaredHooks, hooks, warnings: [] };
  const raw = readRaw(root, pkg, field, host, options);
  if (typeof raw === 'string') return { ...empty, errors: [...errors, raw] };
  const { commands: declared, errors: shape } = raw.commands
    ? { commands: raw.commands, errors: [] }
    : checkCommandTree(raw.value);
  errors.push(...shape.map((e) => `${raw.file}: ${e}`));
  for (const [label, handler] of handlersOf(declared)) {
    const problem = fileProblem(root, resolve(root, handler));
    if (problem) errors.push(`${label}: handler file ${handler} ${problem}`);
  }
  const commands = declared.map((n) => absolutise(n, root));
  return {
    source: raw.source,
    definitionsFile: raw.file,
    declared,
    commands,
    declaredHooks,
    hooks,
    errors,
    warnings: raw.warnings,
  };
}
