/** One profile as a config file holds it (see docs/profiles.md, "Config files"). */
export interface ProfileData {
  /** The profile type; a profile without one only groups nested profiles and gives them properties. */
  type?: string;
  /** Property values (never the secure ones). */
  properties?: Record<string, unknown>;
  /** Names of the properties whose values live in the credential store. */
  secure?: string[];
  /** Nested profiles, named `<this>.<nested>`; they inherit this profile's properties. */
  profiles?: Record<string, ProfileData>;
}

/** The content of one config file (`mycli.config.json`, `mycli.config.user.json`). */
export interface TeamConfigData {
  $schema?: string;
  profiles?: Record<string, ProfileData>;
  /** The default profile of each type, by profile name (`dev.greeter`). */
  defaults?: Record<string, string>;
  /** Whether values typed at a prompt are saved into the profile (default true). */
  autoStore?: boolean;
}

/** One config file of a run, present or not. */
export interface ConfigLayer {
  /** Absolute path of the file. */
  path: string;
  /** `project`: found walking up from the working folder; `global`: in the host's config folder. */
  scope: 'project' | 'global';
  /** Whether it is the `.user.json` file of its scope (kept out of version control). */
  user: boolean;
  exists: boolean;
  /** The parsed content (`{}` when the file does not exist). */
  data: TeamConfigData;
}
