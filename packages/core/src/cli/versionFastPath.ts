import type { CliOptions } from '../api/cli';
import type { CliIO } from '../api/io';

// `--debug` is not here: `--version --debug` also reports the framework's and Node's versions.
const GLOBAL_NO_VALUE = new Set(['--json', '--no-color']);

/**
 * Answers `--version` / `-V` when the rest of the command line is only `--json` / `--no-color`;
 * returns undefined when the run needs the full engine (`--version --debug` does).
 */
export function versionFastPath(
  options: Pick<CliOptions, 'name' | 'version'>,
  argv: readonly string[],
  io: Pick<CliIO, 'stdout'>,
): number | undefined {
  let version = false;
  let json = false;
  for (const arg of argv) {
    if (arg === '--version' || arg === '-V') version = true;
    else if (arg === '--json') json = true;
    else if (!GLOBAL_NO_VALUE.has(arg)) return undefined;
  }
  if (!version) return undefined;
  if (json) {
    const doc = {
      success: true,
      exitCode: 0,
      data: { name: options.name, version: options.version },
      message: options.version,
      error: null,
    };
    io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    io.stdout.write(`${options.version}\n`);
  }
  return 0;
}
