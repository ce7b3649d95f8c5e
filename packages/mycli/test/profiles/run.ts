import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MYCLI_BIN } from '../support';

/** A temp MYCLI_HOME (the global config folder) and a project folder with a subfolder to run in. */
export function profileFixture(): { home: string; project: string; cwd: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'mycli-profiles-'));
  const home = join(root, 'home');
  const project = join(root, 'project');
  const cwd = join(project, 'src');
  mkdirSync(home, { recursive: true });
  mkdirSync(cwd, { recursive: true });
  return { home, project, cwd, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Writes a config file as JSON. */
export function writeConfig(file: string, data: unknown): void {
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}

/** Runs the built mycli in `cwd` with a clean environment (no D-Bus unless `env` gives one). */
export function run(
  fixture: { home: string; cwd: string },
  args: readonly string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string; json: () => Record<string, unknown> } {
  const r = spawnSync(process.execPath, [MYCLI_BIN, ...args], {
    encoding: 'utf8',
    cwd: fixture.cwd,
    env: { PATH: process.env.PATH ?? '', MYCLI_HOME: fixture.home, ...env },
    timeout: 60000,
  });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    json: () => JSON.parse(r.stdout) as Record<string, unknown>,
  };
}
