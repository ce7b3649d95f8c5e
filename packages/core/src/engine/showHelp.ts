import type { CliOptions } from '../api/cli';
import type { CliIO } from '../api/io';
import type { Output } from '../api/output';
import type { CommandNode } from '../definitions/types';
import { renderHelp } from '../help/renderHelp';
import { colorAllowed } from '../output/color';
import { reportSuccess } from './report';

/** Inputs of {@link showHelp}. */
export interface ShowHelpInput {
  io: CliIO;
  out: Output;
  options: CliOptions;
  envPrefix: string;
  tree: readonly CommandNode[];
  path: readonly CommandNode[];
  json: boolean;
  noColor: boolean;
}

/** Prints help for the node at `path` (root when empty); under `--json` the text is the `data.help` field. */
export function showHelp(input: ShowHelpInput): number {
  const color = !input.json && colorAllowed(input.io.env, input.io.stdoutIsTTY, input.noColor);
  const plain = (s: string): string => s;
  const text = renderHelp({
    cliName: input.options.name,
    ...(input.options.description === undefined ? {} : { description: input.options.description }),
    envPrefix: input.envPrefix,
    tree: input.tree,
    path: input.path,
    columns: Math.max(40, input.io.columns ?? 80),
    heading: color ? (s) => input.out.color.bold(s) : plain,
    term: color ? (s) => input.out.color.cyan(s) : plain,
  });
  if (input.json) return reportSuccess(input.io, input.out, true, { help: text });
  input.io.stdout.write(text);
  return 0;
}
