import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { CommandNode } from '@edict/core';
import { startPluginProcess, type PluginProcess } from '../runner/pluginProcess';
import { runPluginCode, type PluginCodeRequest, type PluginCodeResult } from '../runner/runPluginCode';
import { childLoaderConfig } from '../runner/childLoaderConfig';
import type { HookName, PluginHost } from '../types';
import type { EdictField } from './pluginManifest';

/** A plugin's definitions, loaded and made absolute, plus what is wrong with them. */
export interface LoadedDefinitions {
  definitionsFile: string;
  commands: CommandNode[];
  hooks: Partial<Record<HookName, string>>;
  errors: string[];
}

/** True when `path` lies inside `root`. */
function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function checkNode(node: unknown, root: string, where: string, errors: string[]): CommandNode | undefined {
  if (typeof node !== 'object' || node === null) {
    errors.push(`${where}: not an object`);
    return undefined;
  }
  const n = node as Record<string, unknown>;
  const label = `${where}${typeof n.name === 'string' ? ` "${n.name}"` : ''}`;
  if (typeof n.name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/i.test(n.name)) errors.push(`${label}: "name" must be a word`);
  if (typeof n.summary !== 'string') errors.push(`${label}: "summary" is missing`);
  if (n.kind === 'group') {
    if (!Array.isArray(n.children)) {
      errors.push(`${label}: a group needs "children"`);
      return undefined;
    }
    const children = n.children
      .map((c, i) => checkNode(c, root, `${label} › child ${i}`, errors))
      .filter((c): c is CommandNode => c !== undefined);
    return { ...(n as unknown as CommandNode), children } as CommandNode;
  }
  if (typeof n.handler !== 'string') {
    errors.push(`${label}: "handler" must be a path relative to the plugin root`);
    return undefined;
  }
  const handler = resolve(root, n.handler);
  if (!inside(root, handler)) errors.push(`${label}: handler ${n.handler} points outside the plugin`);
  else if (!existsSync(handler)) errors.push(`${label}: handler file ${n.handler} does not exist (${handler})`);
  return { ...(n as unknown as CommandNode), handler } as CommandNode;
}

type DefinitionsPlan =
  | { done: LoadedDefinitions }
  | { request: PluginCodeRequest; finish: (result: PluginCodeResult) => LoadedDefinitions };

/** Checks the files the field names and says what to run in a child to load the definitions. */
function planDefinitions(root: string, field: EdictField, host?: PluginHost): DefinitionsPlan {
  const definitionsFile = resolve(root, field.commands);
  const errors: string[] = [];
  const hooks: Partial<Record<HookName, string>> = {};
  for (const [hook, path] of Object.entries(field.hooks) as [HookName, string][]) {
    const abs = resolve(root, path);
    if (!inside(root, abs) || !existsSync(abs)) errors.push(`hook ${hook}: file ${path} does not exist in the plugin`);
    hooks[hook] = abs;
  }
  if (!inside(root, definitionsFile) || !existsSync(definitionsFile)) {
    errors.push(`definitions file ${field.commands} does not exist in the plugin`);
    return { done: { definitionsFile, commands: [], hooks, errors } };
  }
  const loader = host ? childLoaderConfig(host, root, definitionsFile) : undefined;
  const request: PluginCodeRequest = { mode: 'definitions', file: definitionsFile, cwd: root, ...(loader ? { loader } : {}) };
  const finish = (r: PluginCodeResult): LoadedDefinitions => {
    if (!r.ok) {
      errors.push(`definitions file ${field.commands} failed to load: ${r.message ?? 'unknown error'}`);
      return { definitionsFile, commands: [], hooks, errors };
    }
    if (!Array.isArray(r.value)) {
      errors.push(`definitions file ${field.commands} must export "commands": an array of command nodes`);
      return { definitionsFile, commands: [], hooks, errors };
    }
    const commands = r.value
      .map((node, i) => checkNode(node, root, `command ${i}`, errors))
      .filter((c): c is CommandNode => c !== undefined);
    return { definitionsFile, commands, hooks, errors };
  };
  return { request, finish };
}

/**
 * Loads a plugin's command definitions (in a child process: a .json file, or a CJS/ESM module's
 * `commands` export or default) and its hook paths; handler and hook paths become absolute.
 */
export function loadDefinitions(root: string, field: EdictField, host?: PluginHost): LoadedDefinitions {
  const plan = planDefinitions(root, field, host);
  return 'done' in plan ? plan.done : plan.finish(runPluginCode(plan.request));
}

/** `loadDefinitions` without blocking, in `child` (a process started ahead of time) when given. */
export async function loadDefinitionsAsync(root: string, field: EdictField, host?: PluginHost, child?: PluginProcess): Promise<LoadedDefinitions> {
  const plan = planDefinitions(root, field, host);
  if ('done' in plan) {
    child?.dispose();
    return plan.done;
  }
  return plan.finish(await (child ?? startPluginProcess()).run(plan.request));
}
