import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { extname, relative } from 'node:path';
import { isEsmFile, packageTypeOf } from '@edict/core';
import { commonJsUseIn } from './moduleFormat';

/** A handler or hook file that cannot load: a syntax error, or a module-format error. */
export interface SyntaxProblem {
  kind: 'syntax' | 'module-format';
  /** The absolute path of the file, and the place (1-based) of the problem in it. */
  file: string;
  line: number;
  column: number;
  /** What is wrong (`SyntaxError: Unexpected token ';'`) and the offending line, trimmed. */
  reason: string;
  text: string;
  /** `file:line:column` (the file relative to the plugin root), what is wrong and the fix, on one line. */
  message: string;
}

interface Located {
  line: number;
  column: number;
  reason: string;
}

const CJS_PARAMS = ['exports', 'require', 'module', '__filename', '__dirname'];
const ESM_ONLY = [
  'Cannot use import statement outside a module',
  "Unexpected token 'export'",
  "Cannot use 'import.meta' outside a module",
];

// What Node prints for a SyntaxError it compiled: `file:line`, the line, a caret under the spot.
function locate(stack: string, message: string): Located | undefined {
  const [head, , caret] = stack.split('\n');
  const line = Number(/:(\d+)$/.exec(head ?? '')?.[1]);
  if (!Number.isInteger(line) || line < 1) return undefined;
  const at = caret?.indexOf('^') ?? -1;
  return { line, column: at >= 0 ? at + 1 : 1, reason: message };
}

// A `#!` line is valid only at the start of a file, not of the function body Node compiles it in.
const withoutHashbang = (src: string) => src.replace(/^#!.*/, (m) => ' '.repeat(m.length));

/** Compiles a CommonJS file as Node's loader wraps it; no code runs. */
function compileCommonJs(file: string, source: string): Located | undefined {
  // Required here: only validation compiles plugin files.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vm = require('node:vm') as typeof import('node:vm');
  try {
    vm.compileFunction(withoutHashbang(source), CJS_PARAMS, { filename: file });
    return undefined;
  } catch (err) {
    const e = err as Error;
    if (e?.name !== 'SyntaxError') return undefined;
    return locate(String(e.stack), `${e.name}: ${e.message}`);
  }
}

// Sets flags[i + 1] for each file i that does not compile, then flags[0], and wakes the caller.
const WORKER = `const vm = require('node:vm'), fs = require('node:fs');
const { files, flags } = require('node:worker_threads').workerData;
files.forEach((f, i) => {
  try { new vm.SourceTextModule(fs.readFileSync(f, 'utf8'), { identifier: f }); }
  catch (e) { if (e && e.name === 'SyntaxError') flags[i + 1] = 1; }
});
Atomics.store(flags, 0, 1);
Atomics.notify(flags, 0);`;

/** The files among `files` whose ES module source does not compile (none if that cannot be told). */
function failingModules(files: readonly string[]): string[] {
  // Required here: only validation of an ESM plugin starts a worker.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  const flags = new Int32Array(new SharedArrayBuffer(4 * (files.length + 1)));
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { files, flags },
    execArgv: ['--experimental-vm-modules', '--no-warnings'],
    env: {},
    stdout: true,
    stderr: true,
  });
  worker.unref();
  // The caller is synchronous; the worker compiles on its own thread while this one waits.
  const woke = Atomics.wait(flags, 0, 0, 60_000);
  void worker.terminate();
  if (woke === 'timed-out' && Atomics.load(flags, 0) === 0) return [];
  return files.filter((_, i) => flags[i + 1] === 1);
}

/**
 * The ES modules among `files` that do not compile, and where. Node compiles a module without
 * running it only behind a flag, which a worker thread may take (cheaper than a process); the
 * flagged compiler does not say where, so `node --check` gives the place of each (rare) failure.
 */
function compileModules(files: readonly string[]): Map<string, Located> {
  const found = new Map<string, Located>();
  if (files.length === 0) return found;
  for (const file of failingModules(files)) {
    const check = spawnSync(process.execPath, ['--check', file], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
      timeout: 60_000,
    });
    const stderr = check.stderr ?? '';
    const reason = /^(SyntaxError: .*)$/m.exec(stderr)?.[1] ?? 'SyntaxError';
    const where = locate(stderr, reason);
    if (where) found.set(file, where);
  }
  return found;
}

function why(file: string): string {
  if (file.endsWith('.mjs')) return 'its extension is .mjs';
  if (file.endsWith('.cjs')) return 'its extension is .cjs';
  const type = packageTypeOf(file);
  return type ? `its package.json says "type": "${type}"` : 'it has import or export statements';
}

/**
 * Compiles every handler and hook file of a plugin as Node will load it (CommonJS or ESM, as
 * Node decides: extension, package.json `type`, syntax) without running it, and reads each ES
 * module for CommonJS names (`require()`, `module.exports`), which are not defined there. Each
 * problem names `file:line:column` (relative to `root`) and the offending line.
 */
export function checkSyntax(root: string, files: readonly string[]): SyntaxProblem[] {
  const problems: (SyntaxProblem & { order: number })[] = [];
  const unique = [...new Set(files)];
  const modules: string[] = [];
  const sources = new Map<string, string[]>();
  const report = (kind: SyntaxProblem['kind'], file: string, at: Located, advice = '') => {
    const text = sources.get(file)?.[at.line - 1]?.trim() ?? '';
    const place = `${relative(root, file)}:${at.line}:${at.column}`;
    const message = `${place}: ${at.reason}${text ? ` in \`${text}\`` : ''}${advice}`;
    problems.push({ kind, file, ...at, text, message, order: unique.indexOf(file) });
  };
  for (const file of unique) {
    if (!['.js', '.cjs', '.mjs'].includes(extname(file))) continue;
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    sources.set(file, source.split('\n'));
    if (!isEsmFile(file)) {
      const at = compileCommonJs(file, source);
      if (!at) continue;
      if (ESM_ONLY.some((m) => at.reason.endsWith(m))) {
        const fix = file.endsWith('.cjs') ? 'rename it to .mjs' : 'rename it to .mjs or set "type": "module"';
        const advice = ` (Node loads it as CommonJS because ${why(file)}; ${fix})`;
        report('module-format', file, at, advice);
      } else report('syntax', file, at);
      continue;
    }
    modules.push(file);
    const use = commonJsUseIn(source);
    if (use) {
      const reason = `${use.what} is not defined in an ES module (Node loads it as ESM because ${why(file)})`;
      report(
        'module-format',
        file,
        { ...use, reason },
        '; use import (or createRequire), or rename it to .cjs',
      );
    }
  }
  for (const [file, at] of compileModules(modules)) report('syntax', file, at);
  return problems.sort((a, b) => a.order - b.order).map(({ order: _order, ...p }) => p);
}
