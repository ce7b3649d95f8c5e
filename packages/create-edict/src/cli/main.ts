import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HELP, parseArgs } from '../args';
import { createProject } from '../createProject';
import { CreateError, isCreateError } from '../errors';
import { resolveOptions, type ProjectOptions } from '../options';
import { createPrompter, type Prompter } from '../prompt';

/** The outside world of one run (the bin passes `process`'s; tests pass their own). */
export interface MainIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  env: Record<string, string | undefined>;
  cwd: string;
  /** A terminal to prompt on; prompts happen only when given. */
  terminal?: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };
}

const ownVersion = (): string =>
  (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string })
    .version;

function nextSteps(options: ProjectOptions, cwd: string, installed: boolean): string {
  const run = options.pm === 'npm' ? 'npm run' : 'pnpm';
  const steps = [`cd ${relative(cwd, options.dir) || '.'}`];
  if (!installed) steps.push(`${options.pm} install`);
  steps.push(`${run} build`, `${options.pm} test`);
  if (options.kind === 'cli') steps.push(`node bin/${options.bin}.js hello --help`);
  else steps.push(`${options.host} plugins link .`, `${options.host} ${options.command} hello`);
  return `Next steps:\n${steps.map((s) => `  ${s}`).join('\n')}\n`;
}

/**
 * create-edict's command line: parses, asks what is missing (on a terminal), writes. Returns the exit code.
 */
export async function main(argv: readonly string[], io: MainIO): Promise<number> {
  let prompter: Prompter | undefined;
  try {
    const args = parseArgs(argv);
    if (args.help) {
      io.stdout.write(HELP);
      return 0;
    }
    if (args.version) {
      io.stdout.write(`${ownVersion()}\n`);
      return 0;
    }
    if (io.terminal && !args.yes) prompter = createPrompter(io.terminal.input, io.terminal.output);
    const options = await resolveOptions(args, {
      cwd: io.cwd,
      env: io.env,
      ownVersion: ownVersion(),
      ...(prompter ? { prompter } : {}),
    });
    prompter?.close();
    prompter = undefined;
    const result = createProject(options, { force: args.force, dryRun: args.dryRun });
    if (args.dryRun) {
      io.stdout.write(
        `Would create a ${result.kind} project in ${result.dir}` +
          `:\n${result.files.map((f) => `  ${f}`).join('\n')}\n`,
      );
      return 0;
    }
    io.stdout.write(
      `Created a ${result.kind} project "${options.name}" in ${result.dir} (${result.files.length} files).\n`,
    );
    if (args.install) {
      const r = spawnSync(options.pm, ['install'], {
        cwd: result.dir,
        stdio: 'inherit',
        shell: process.platform === 'win32',
      });
      if (r.status !== 0) {
        throw new CreateError(
          'EDICT_CREATE_INSTALL_FAILED',
          `${options.pm} install failed in ${result.dir}` +
            ` (exit ${r.status ?? r.signal}); the project files are written.`,
          {
            hint: `cd ${result.dir} && ${options.pm} install`,
          },
        );
      }
    }
    io.stdout.write(nextSteps(options, io.cwd, args.install));
    return 0;
  } catch (err) {
    prompter?.close();
    if (!isCreateError(err)) throw err;
    io.stderr.write(`Error: ${err.message}\n${err.hint ? `Try: ${err.hint}\n` : ''}`);
    return err.exitCode;
  }
}
