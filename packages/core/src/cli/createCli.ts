import type { Cli, CliOptions } from '../api/cli';
import type { CliIO } from '../api/io';
import { completeIO } from './defaultIO';
import { versionFastPath } from './versionFastPath';

/**
 * Creates a CLI from its options. Nothing is loaded until `run`; `--version` is answered
 * without loading the parser, colour or table libraries, any command source or handler.
 */
export function createCli(options: CliOptions): Cli {
  return {
    options,
    async run(argv: string[], io?: Partial<CliIO>): Promise<number> {
      const fullIO = completeIO(io);
      const fast = versionFastPath(options, argv, fullIO);
      if (fast !== undefined) return fast;
      // The engine (routing, parsing, help, output) is required only past the fast path.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runEngine } = require('../engine/runEngine') as typeof import('../engine/runEngine');
      return runEngine(options, argv, fullIO);
    },
  };
}
