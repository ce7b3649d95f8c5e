import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The built mycli bin (build first: `npm test` does). */
export const MYCLI_BIN = resolve(__dirname, '../bin/mycli.js');

/** A temp MYCLI_HOME for one test. */
export function tempHome(): { home: string; cleanup: () => void } {
  if (!existsSync(resolve(__dirname, '../lib/main.js')))
    throw new Error('packages/mycli/lib is missing: build first');
  const home = mkdtempSync(join(tmpdir(), 'mycli-home-'));
  return { home, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

/** Runs the built mycli in a child process with a clean environment. */
export function mycli(
  home: string,
  args: readonly string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [MYCLI_BIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', MYCLI_HOME: home, ...env },
    timeout: 60000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
