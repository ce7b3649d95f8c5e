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
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Terminal width for help wrapping; 80 when unknown. */
  columns?: number;
}
