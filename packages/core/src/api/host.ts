/**
 * Facts about the host CLI, resolved once per run and handed to command sources and handlers.
 * Names follow architecture.md: prefix `MYCLI` for a CLI named `mycli`, home `~/.mycli`.
 */
export interface HostInfo {
  /** The command name users type (`mycli`). */
  name: string;
  version: string;
  /** npm name of the host package (defaults to `name`). */
  packageName: string;
  /** Folder of the host package, when the host gave it. */
  packageRoot?: string;
  /** Resolved home folder: `<PREFIX>_HOME`, else `~/.<name>`. */
  home: string;
  /** Environment variable prefix (`MYCLI`). */
  envPrefix: string;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Top-level names and aliases claimed by built-in commands (host and framework). */
  builtinNames: string[];
}
