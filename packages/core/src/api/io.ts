/** Anything output can be written to: a stream, or a test double that collects text. */
export interface WritableLike {
  write(chunk: string): unknown;
}

/**
 * Everything a run reads from or writes to the outside world. `cli.run` takes it so that a CLI
 * can run in-process (tests, embedding) without touching `process`; {@link runMain} fills it in
 * from `process` for a bin file.
 */
export interface CliIO {
  stdout: WritableLike;
  stderr: WritableLike;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Where prompts read answers from; none: no prompt can be shown. */
  stdin?: NodeJS.ReadableStream;
  stdinIsTTY?: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /**
   * Width of the terminal stdout is on, for help wrapping and fitting tables; unknown: 80 for help, tables
   * keep their width.
   */
  columns?: number;
  /** Width of the terminal stderr is on, for progress lines; defaults to `columns`, then 80. */
  stderrColumns?: number;
}
