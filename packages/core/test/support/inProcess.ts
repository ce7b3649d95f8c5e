import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliOptions } from '../../src/api/cli';
import type { CommandNode } from '../../src/definitions/types';
import { createCli } from '../../src/cli/createCli';

/** What one in-process run wrote and returned. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The JSON document of a `--json` run. */
export interface JsonDoc {
  success: boolean;
  exitCode: number;
  data: unknown;
  message: string | null;
  error: { code: string; message: string; hint?: string; details: Record<string, unknown> } | null;
}

/** A CLI run in this process through the whole engine, with its own temp home folder. */
export interface TestCli {
  home: string;
  run(argv: readonly string[], env?: Record<string, string>): Promise<RunResult>;
  /** Runs with `--json` (first, so it counts before a `--`) and parses the one document on stdout. */
  json(argv: readonly string[], env?: Record<string, string>): Promise<JsonDoc>;
  cleanup(): void;
}

/** Handlers that return their parsed args, so `--json` shows exactly what the engine parsed. */
export const echoHandler =
  (): ((ctx: { args: Record<string, unknown> }) => { args: Record<string, unknown> }) => (ctx) => ({
    args: ctx.args,
  });

/** A CLI named `app` from `commands` (plus `options`), run in-process. */
export function testCli(commands: CommandNode[], options: Partial<CliOptions> = {}): TestCli {
  const home = mkdtempSync(join(tmpdir(), 'edict-inproc-'));
  const cli = createCli({ name: 'app', version: '1.2.3', home, commands, ...options });
  const run = async (argv: readonly string[], env: Record<string, string> = {}): Promise<RunResult> => {
    let stdout = '';
    let stderr = '';
    const code = await cli.run([...argv], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      env: { HOME: home, ...env },
      cwd: home,
    });
    return { code, stdout, stderr };
  };
  return {
    home,
    run,
    json: async (argv, env) => JSON.parse((await run(['--json', ...argv], env)).stdout) as JsonDoc,
    cleanup: () => rmSync(home, { recursive: true, force: true }),
  };
}
