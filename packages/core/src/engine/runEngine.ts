import type { CliOptions } from '../api/cli';
import type { CliIO } from '../api/io';

/** Runs one command line through the full engine. */
export async function runEngine(options: CliOptions, _argv: string[], io: CliIO): Promise<number> {
  io.stderr.write(`Error: ${options.name}: the command engine is not built yet.\n`);
  return 1;
}
