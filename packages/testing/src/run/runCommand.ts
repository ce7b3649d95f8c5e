import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { envPrefixFor } from '@edict/core';
import type { Cli, WritableLike } from '@edict/core';

/** What to run: a {@link Cli} object (in-process) or a bin file (child process), and how. */
export interface RunCommandOptions {
  /** The CLI to run in-process with `cli.run(argv, io)`. Give this or `bin`. */
  cli?: Cli;
  /** A bin file to run as `node <bin> …argv` in a child process. Give this or `cli`. */
  bin?: string;
  /** The command line after the CLI name (`['greet', 'Ada', '--json']`). */
  argv: string[];
  /**
   * The CLI's name, which gives the env prefix (`MYCLI_HOME`). Defaults to `cli.options.name`,
   * or for a bin the file name without extension.
   */
  name?: string;
  /** Extra environment variables; the run sees `process.env` plus these (`undefined` removes one). */
  env?: Record<string, string | undefined>;
  /** Written to `<home>/config.json` before the run. */
  config?: Record<string, unknown>;
  /** The home folder (`<PREFIX>_HOME`); a new temp folder when not given. Kept after the run. */
  home?: string;
  /** Working folder of the run (default: `process.cwd()`). */
  cwd?: string;
  /** Terminal width seen by the run (in-process only; default 80). */
  columns?: number;
}

/** The outcome of {@link runCommand}. */
export interface RunCommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The `data` of the `--json` document when argv has `--json` and stdout parsed; else undefined. */
  result: unknown;
  /** The whole `--json` document ({ success, exitCode, data, message, error }) when there was one. */
  json?: JsonDocument;
  /** The home folder the run used (remove it when done if you did not pass one). */
  home: string;
}

/** The document a `--json` run writes on stdout. */
export interface JsonDocument {
  success: boolean;
  exitCode: number;
  data: unknown;
  message: string | null;
  error: { code: string; message: string; hint?: string; details?: Record<string, unknown> } | null;
}

/** Collects what is written to it, standing in for stdout/stderr. */
class Collector implements WritableLike {
  text = '';
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

function nameOf(options: RunCommandOptions): string {
  if (options.name) return options.name;
  if (options.cli) return options.cli.options.name;
  return basename(options.bin ?? 'cli').replace(/\.[cm]?js$/, '');
}

function parseJson(argv: string[], stdout: string): JsonDocument | undefined {
  if (!argv.includes('--json')) return undefined;
  try {
    return JSON.parse(stdout) as JsonDocument;
  } catch {
    return undefined;
  }
}

function runChild(
  bin: string,
  argv: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...argv], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ stdout, stderr, exitCode: code ?? (signal ? 128 : 1) }));
  });
}

/**
 * Runs one command of a CLI in a temp home (`<PREFIX>_HOME`), with the given argv, environment
 * and config file, and returns what it printed and its exit code. With `cli` it runs in-process
 * through `cli.run(argv, io)` (fast; the handler shares the test's module cache); with `bin` it
 * runs `node <bin>` in a child process, exactly as a user would.
 */
export async function runCommand(options: RunCommandOptions): Promise<RunCommandResult> {
  if (!options.cli === !options.bin) throw new TypeError('runCommand: give exactly one of `cli` or `bin`.');
  const prefix = options.cli?.options.envPrefix ?? envPrefixFor(nameOf(options));
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'edict-run-'));
  if (options.config) {
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, 'config.json'), `${JSON.stringify(options.config, null, 2)}\n`);
  }
  const env: Record<string, string | undefined> = {
    ...process.env,
    [`${prefix}_HOME`]: home,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const cwd = options.cwd ?? process.cwd();
  let outcome: { stdout: string; stderr: string; exitCode: number };
  if (options.cli) {
    const stdout = new Collector();
    const stderr = new Collector();
    const exitCode = await options.cli.run(options.argv, {
      stdout,
      stderr,
      env,
      cwd,
      stdoutIsTTY: false,
      stderrIsTTY: false,
      columns: options.columns ?? 80,
    });
    outcome = { stdout: stdout.text, stderr: stderr.text, exitCode };
  } else {
    outcome = await runChild(options.bin!, options.argv, env, cwd);
  }
  const json = parseJson(options.argv, outcome.stdout);
  return { ...outcome, result: json?.data, ...(json ? { json } : {}), home };
}
