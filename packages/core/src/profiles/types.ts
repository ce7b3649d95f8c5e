/**
 * Profiles: named sets of connection settings (host, port, user, token…) kept in layered config
 * files, with secure properties in the OS credential store. Profile types are plain data,
 * declared by the host (`CliOptions.profileTypes`) and by plugins (their definitions module's
 * `profileTypes` export, copied into the manifest). See docs/profiles.md.
 */

/** The JSON types a profile property can have. */
export type ProfilePropertyType = 'string' | 'number' | 'boolean' | 'array' | 'object';

/** One property of a profile type, as a JSON-schema-like description. */
export interface ProfilePropertyDefinition {
  type: ProfilePropertyType;
  description?: string;
  /** Kept in the credential store, never in a config file; masked in every output and log. */
  secure?: boolean;
  /**
   * The command option this property fills (kebab-case name); defaults to the property name
   * in kebab-case. A command using the profile gets the value unless a flag or env var sets it.
   */
  option?: string;
  /** The only values accepted. */
  enum?: readonly (string | number)[];
  default?: unknown;
}

/** A profile type: what a profile of that type may hold. */
export interface ProfileTypeDefinition {
  /** The type name (`zosmf`, `greeter`): lower-case letters, digits and `-`. */
  type: string;
  /** One line for `config profiles` and the schema. */
  summary?: string;
  properties: Record<string, ProfilePropertyDefinition>;
  /** Property names a profile of this type must give (after base and parent profiles merge in). */
  required?: readonly string[];
}

/**
 * The profile types a command uses. The engine adds `--<type>-profile <name>` for each, and fills
 * the command's options from the chosen profile (else the default profile of that type, merged
 * over the `base` profile when the host declares a `base` type).
 */
export interface CommandProfileUse {
  /** Types the command needs: a missing profile or missing required property is an error or a prompt. */
  required?: readonly string[];
  /** Types used when a profile of that type exists. */
  optional?: readonly string[];
}

/**
 * Stores secure values. The default one uses the OS credential store (`@napi-rs/keyring`,
 * loaded only when a secure value is read or written); a host may pass another, and a plugin may
 * provide one (see docs/profiles.md, "Credential managers").
 */
export interface CredentialManager {
  /** Shown in messages (`the OS credential store`, `Acme Vault`). */
  readonly name: string;
  /** The stored value, or undefined when none is stored. */
  load(account: string): Promise<string | undefined>;
  save(account: string, value: string): Promise<void>;
  /** Returns whether something was removed. */
  delete(account: string): Promise<boolean>;
}

/** Prompts on the user's terminal. Every method throws `EDICT_PROMPT_UNAVAILABLE` when not interactive. */
export interface Prompter {
  /** Whether a prompt can be shown: stdin and stderr are terminals and `--json` is off. */
  readonly interactive: boolean;
  text(message: string, options?: { default?: string }): Promise<string>;
  /** Masked input: no characters are echoed. */
  password(message: string): Promise<string>;
  confirm(message: string, options?: { default?: boolean }): Promise<boolean>;
  select<T extends string>(
    message: string,
    choices: readonly (T | { value: T; name?: string })[],
  ): Promise<T>;
}

/** Log levels, least to most severe. */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

/** A logger writing to `<home>/logs/`; secure values are censored. Level from `<PREFIX>_LOG_LEVEL`. */
export interface Logger {
  trace(message: string, ...args: unknown[]): void;
  debug(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string, ...args: unknown[]): void;
}
