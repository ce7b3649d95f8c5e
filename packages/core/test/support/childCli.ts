import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The built entry of @edict/core; child-process tests run the built lib, not the sources. */
export const CORE_LIB = resolve(__dirname, '../../lib/index.js');

/** Fails clearly when the packages were not built (`npm test` builds before jest). */
export function requireBuilt(file: string): string {
  if (!existsSync(file))
    throw new Error(
      `${file} is missing: build first (node node_modules/typescript/bin/tsc -b tsconfig.build.json)`,
    );
  return file;
}

/** A temp folder for one test; `cleanup` removes it. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Result of one child run. */
export interface ChildResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <script> ...args` with a clean environment (no FORCE_COLOR/NO_COLOR unless given). */
export function runNode(
  script: string,
  args: readonly string[],
  env: Record<string, string> = {},
  nodeArgs: readonly string[] = [],
): ChildResult {
  const r = spawnSync(process.execPath, [...nodeArgs, script, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 60000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Parses stdout as exactly one JSON document (throws when there is anything else). */
export function parseOneJson(stdout: string): {
  success: boolean;
  exitCode: number;
  data: unknown;
  message: string | null;
  error: { code: string; hint?: string } | null;
} {
  return JSON.parse(stdout) as ReturnType<typeof parseOneJson>;
}

/** Writes a file (helper for fixtures). */
export function write(path: string, text: string): string {
  writeFileSync(path, text);
  return path;
}
