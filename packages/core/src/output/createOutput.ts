import type { Chalk } from 'chalk';
import type { CliIO } from '../api/io';
import type { Output } from '../api/output';
import { colorAllowed, loadChalk } from './color';

/** Settings of one run that decide how output looks. */
export interface OutputSettings {
  json: boolean;
  noColor: boolean;
}

// The table and progress renderers are required where they are used: most runs print neither.
/* eslint-disable @typescript-eslint/no-require-imports */
const renderTable = (...args: Parameters<typeof import('./table').renderTable>): string =>
  (require('./table') as typeof import('./table')).renderTable(...args);
const createProgress = (
  ...args: Parameters<typeof import('./progress').createProgress>
): ReturnType<typeof import('./progress').createProgress> =>
  (require('./progress') as typeof import('./progress')).createProgress(...args);
/* eslint-enable @typescript-eslint/no-require-imports */

/** The {@link Output} of one run: results on stdout (not under `--json`), messages on stderr. */
export function createOutput(io: CliIO, settings: OutputSettings): Output {
  const colorEnabled = colorAllowed(io.env, io.stdoutIsTTY, settings.noColor);
  const errColor = colorAllowed(io.env, io.stderrIsTTY, settings.noColor);
  let chalk: Chalk | undefined;
  let errChalk: Chalk | undefined;
  const stderrChalk = (): Chalk => (errChalk ??= loadChalk(true, io.env));
  // A dumb terminal understands no escape codes: progress is then not drawn at all.
  const progressTarget = {
    draw: io.stderrIsTTY && !settings.json && io.env.TERM !== 'dumb',
    columns: io.stderrColumns ?? io.columns ?? 80,
  };
  return {
    text(s) {
      if (!settings.json) io.stdout.write(`${s}\n`);
    },
    info(s) {
      io.stderr.write(`${s}\n`);
    },
    warn(s) {
      io.stderr.write(`${errColor ? stderrChalk().yellow('Warning:') : 'Warning:'} ${s}\n`);
    },
    error(s) {
      io.stderr.write(`${errColor ? stderrChalk().red('Error:') : 'Error:'} ${s}\n`);
    },
    table(rows, columns) {
      if (settings.json) return;
      const width = io.columns === undefined ? {} : { columns: io.columns };
      io.stdout.write(
        `${renderTable(rows, columns, { color: colorEnabled, tty: io.stdoutIsTTY, ...width })}\n`,
      );
    },
    get color(): Chalk {
      return (chalk ??= loadChalk(colorEnabled, io.env));
    },
    colorEnabled,
    progress: (label) => createProgress(io.stderr, progressTarget, 'bar', label),
    spinner: (label) => createProgress(io.stderr, progressTarget, 'spinner', label),
  };
}
