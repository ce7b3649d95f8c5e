/** The per-user config file (`<home>/config.json`): a flat map of keys to JSON values. */
export interface ConfigStore {
  /** Absolute path of the config file. */
  readonly path: string;
  /** All keys and values (an empty object when the file does not exist). */
  list(): Record<string, unknown>;
  get(key: string): unknown;
  /** Sets and saves (atomically: temp file + rename). */
  set(key: string, value: unknown): void;
  /** Removes and saves; returns whether the key existed. */
  unset(key: string): boolean;
}
