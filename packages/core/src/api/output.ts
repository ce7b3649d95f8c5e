import type { Chalk } from 'chalk';

/** A progress indicator; draws only on a TTY stderr and never in `--json` mode. */
export interface Progress {
  /** Replaces the label (and, for a bar, the fraction done, 0..1). */
  update(label: string, fraction?: number): void;
  /** Clears the indicator; `finalLine` is then written to stderr when given. */
  stop(finalLine?: string): void;
}

/** A column of {@link Output.table}: the row key, and the heading shown (defaults to the key). */
export interface TableColumn {
  key: string;
  header?: string;
}

/**
 * How handlers write. Results go to stdout through `text`/`table` (suppressed under `--json`,
 * where the handler's returned value is the output); messages go to stderr.
 */
export interface Output {
  /** A line of result text on stdout (not in `--json` mode). */
  text(s: string): void;
  /** A message on stderr. */
  info(s: string): void;
  /** A warning on stderr (`Warning: …`). */
  warn(s: string): void;
  /** An error message on stderr (`Error: …`); does not change the exit code. */
  error(s: string): void;
  /** A table on stdout (not in `--json` mode); columns default to the keys of the first row. */
  table(rows: readonly Record<string, unknown>[], columns?: readonly (string | TableColumn)[]): void;
  /** chalk, loaded on first use; colour off under NO_COLOR, `--no-color` or a non-TTY (FORCE_COLOR wins). */
  readonly color: Chalk;
  /** Whether colour is on for this run. */
  readonly colorEnabled: boolean;
  /** A progress bar on stderr. */
  progress(label: string): Progress;
  /** A spinner on stderr. */
  spinner(label: string): Progress;
}
