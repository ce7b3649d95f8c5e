import type { CommandNode, ProfileTypeDefinition } from '@edict/core';

/** What the plugin engine needs to know about the CLI that hosts the plugins. */
export interface PluginHost {
  /** The CLI's name (`mycli`): plugins carry the keyword `<name>-plugin`; hints say `<name> plugins …`. */
  name: string;
  /** The CLI's version, checked against a plugin's peer range on {@link PluginHost.packageName}. */
  version: string;
  /** The host's npm package name (usually equal to `name`). */
  packageName: string;
  /** The version of `@edict/core` the host runs, checked against the plugin's peer range on it. */
  frameworkVersion: string;
  /** Top-level command names and aliases the host claims before any plugin. */
  builtinNames: readonly string[];
  /** The host's package folder: plugin code run by the engine gets the host's injected packages from here. */
  packageRoot?: string;
  /** The host's environment prefix (`MYCLI`), for the module loader's switches. */
  envPrefix?: string;
  /** Packages injected besides the framework and the host package (a host SDK, say). */
  inject?: readonly string[] /**
   * The host's own profile types: a plugin may not declare a type of the same name, and each is
   * in the config schema.
   */;
  profileTypes?: readonly ProfileTypeDefinition[];
  /**
   * The host's config folder (`HostInfo.dirs.config`): every commit that may change the set of
   * profile types rewrites `<configDir>/<name>.schema.json` there. Without it no schema is written.
   */
  configDir?: string;
}

/** Where a plugin came from. */
export type PluginSource = 'registry' | 'folder' | 'tarball' | 'url' | 'link';

/** One installed (or linked) plugin, as recorded in `plugins.json`. */
export interface PluginRecord {
  name: string;
  version: string;
  /** The spec as the user gave it (`x@^1`, `./my-plugin`, `https://…/x-1.0.0.tgz`). */
  spec: string;
  /** For registry plugins: the range or tag `update` stays within (`^1`, `latest`). */
  range?: string;
  source: PluginSource;
  /** The registry it was resolved from (registry plugins only). */
  registry?: string;
  /** Absolute path of the plugin's package root. */
  location: string;
  /**
   * Absolute path of the immutable version folder (`installed/<name>/<version>-<id>`) this record
   * uses; absent for linked plugins. Any other folder under `installed/` is a leftover.
   */
  folder?: string;
  /**
   * The top-level command names and aliases the plugin owns, fixed when it was installed: an
   * index rebuild keeps them with this plugin, whatever order or content it finds.
   */
  owns?: string[];
  /** The profile types the plugin declares, fixed when it was installed (as {@link PluginRecord.owns}). */
  ownsProfileTypes?: string[];
  /** ISO time of the install. */
  installedAt: string;
  /** The `sri` integrity of the tarball, when known. */
  integrity?: string;
  /** Installed with `--force` although its peer ranges or engines exclude this host. */
  forced?: boolean;
  /** For a linked plugin: the installed plugin of the same name it stands in for, restored by unlink. */
  shadows?: PluginRecord;
}

/** The content of `plugins.json` (version 1 was written before version folders and owned names). */
export interface PluginRecordFile {
  version: 2;
  plugins: Record<string, PluginRecord>;
}

/** Hooks a plugin may declare in `edict.hooks`. */
export type HookName = 'postInstall' | 'preUninstall' | 'init';
export const HOOK_NAMES: readonly HookName[] = ['postInstall', 'preUninstall', 'init'];

/** One plugin in the combined command index. */
export interface PluginIndexEntry {
  name: string;
  version: string;
  /** Absolute path of the package root. */
  root: string;
  /** The installed version folder (absent for linked plugins). */
  folder?: string;
  moduleType: 'commonjs' | 'module';
  /** Command nodes with every `handler` an absolute path (read from disk: parsed on first access). */
  commands: CommandNode[];
  /** Name, aliases and summary of each top-level node, in `commands` order (present when read from disk). */
  top?: IndexTopNode[];
  /** Absolute paths of the declared hook modules. */
  hooks: Partial<Record<HookName, string>>;
  /** For linked plugins: the definitions file and its mtime when the index was built. */
  linked?: { definitionsFile: string; mtimeMs: number };
  /** Top-level names its definitions claim that another plugin or the CLI owns: those nodes are left out. */
  conflicts?: string[];
  /**
   * Why the host does not satisfy the plugin's ranges, for a plugin installed with `--force`
   * anyway: its commands warn once per run (the index is rebuilt when the host version changes).
   */
  incompatible?: string;
  /** The profile types it declares (absent when none), including any in `profileTypeConflicts`. */
  profileTypes?: ProfileTypeDefinition[];
  /** Profile type names it declares that the CLI or another plugin owns: those types are not used. */
  profileTypeConflicts?: string[];
}

/** What routing and root help need of a plugin's top-level command node. */
export interface IndexTopNode {
  kind?: 'command' | 'group';
  name: string;
  aliases?: readonly string[];
  summary: string;
  hidden?: boolean;
}

/** The combined command index (`index.json`), read in one go at startup; see index-file/indexFormat.ts. */
export interface PluginIndex {
  version: 5;
  hostName: string;
  hostVersion: string;
  /** `mtimeMs:size` of `plugins.json` when the index was built; a change means the index is stale. */
  recordStamp: string;
  plugins: PluginIndexEntry[];
  warnings: string[];
}

/** A progress event; library code reports, the caller decides whether to show it. */
export interface ProgressEvent {
  phase: 'resolve' | 'fetch' | 'scripts' | 'validate' | 'hook' | 'commit' | 'index' | 'remove';
  message: string;
  name?: string;
}

export type ProgressFn = (event: ProgressEvent) => void;

/** The flat options object pacote, arborist and npm-registry-fetch take (see `loadNpmConfig`). */
export type NpmOptions = Record<string, unknown>;

/** Options every engine operation takes. */
export interface EngineOptions {
  /** The plugins folder (`<home>/plugins`). */
  pluginsDir: string;
  host: PluginHost;
  /** Flat npm options from `loadNpmConfig`; needed by operations that talk to a registry. */
  npmOptions?: NpmOptions;
  onProgress?: ProgressFn;
}

/** One problem found by validation. */
export interface PluginIssue {
  code: string;
  message: string;
}

export interface ValidationResult {
  errors: PluginIssue[];
  warnings: PluginIssue[];
}
