import type { ProfileTypeDefinition } from '../profiles/types';

/** The folders a CLI keeps its files in (see docs/architecture.md, "Names derived from the host"). */
export interface HostDirs {
  /** Data: the plugins folder lives here (`~/.local/share/<name>` on Linux). */
  data: string;
  /** Config: `config.json` and any other config file (`~/.config/<name>` on Linux). */
  config: string;
  /** Cache: files that may be deleted at any time (`~/.cache/<name>` on Linux). */
  cache: string;
}

/**
 * Facts about the host CLI, resolved once per run and handed to command sources and handlers.
 * Names follow architecture.md: prefix `MYCLI` for a CLI named `mycli`, folders by {@link HostDirs}.
 */
export interface HostInfo {
  /** The command name users type (`mycli`). */
  name: string;
  version: string;
  /** npm name of the host package (defaults to `name`). */
  packageName: string;
  /** Folder of the host package, when the host gave it. */
  packageRoot?: string;
  /**
   * The data folder, `dirs.data`: `<PREFIX>_HOME` when set, else `~/.<name>` when that folder
   * exists and the XDG ones do not yet, else the platform's data folder.
   */
  home: string;
  /** Data, config and cache folders, by the rule of {@link HostDirs}. */
  dirs: HostDirs;
  /** Environment variable prefix (`MYCLI`). */
  envPrefix: string;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Top-level names and aliases claimed by built-in commands (host and framework). */
  builtinNames: string[];
  /**
   * The host's own profile types (`CliOptions.profileTypes`): plugins may not declare a type of
   * the same name, and the config schema is built from these and the plugins' types.
   */
  profileTypes?: readonly ProfileTypeDefinition[];
}
