// The public API of @edict/core. Only light modules are re-exported here: heavy libraries
// (yargs-parser, chalk, cli-table3) are required inside the functions that need them.
export { createCli } from './cli/createCli';
export { runMain, registerCleanup, runCleanups, type LazyCli } from './cli/runMain';
// isEsmFile lives apart from the handler loader, whose import() must stay off the startup path.
export { isEsmFile, packageTypeOf } from './handlers/isEsmFile';
export { pickHandler } from './handlers/pickHandler';
export { writeFileAtomic } from './fs/writeFileAtomic';
export { EdictError, usageError, isEdictError, EXIT_OK, EXIT_FAILURE, EXIT_USAGE } from './errors/EdictError';
export type { EdictErrorOptions } from './errors/EdictError';
export { isGroup } from './definitions/types';
export type {
  OptionType,
  OptionDefinition,
  PositionalDefinition,
  ExampleDefinition,
  HandlerRef,
  CompleterRef,
  Completer,
  CompletionRequest,
  CommandDefinition,
  GroupDefinition,
  CommandNode,
} from './definitions/types';
// Plugin command manifests: what `edict-manifest` writes at pack time and installs read.
export { MANIFEST_FILE, MANIFEST_VERSION, manifestPathOf } from './manifest/format';
export type { PluginManifest } from './manifest/format';
export { checkCommandTree } from './manifest/checkCommandTree';
export { parseManifest } from './manifest/parseManifest';
export { generateManifest } from './manifest/generateManifest';
export { envPrefixFor, toEnvSegment, camelCase, kebabCase } from './host/names';
export type { Cli, CliOptions, BuiltinSwitches } from './api/cli';
export type { CliIO, WritableLike } from './api/io';
export type { HostDirs, HostInfo } from './api/host';
export type { CommandSource, SourceResult } from './api/source';
export type { CommandContext, CommandHandler, ParsedArgs } from './api/context';
export type { Output, Progress, TableColumn } from './api/output';
export type { ConfigStore } from './api/config';
export type {
  ProfilePropertyType,
  ProfilePropertyDefinition,
  ProfileTypeDefinition,
  CommandProfileUse,
  CredentialManager,
  Prompter,
  LogLevel,
  Logger,
} from './profiles/types';
export { createCensor, CENSORED, type Censor } from './log/censor';
export { createLogger, type LoggerOptions } from './log/createLogger';
export { parseLogLevel, LOG_LEVELS, DEFAULT_LOG_LEVEL, type LogLevelSetting } from './log/logLevel';
export { checkProfileTypes } from './profiles/checkProfileTypes';
export { buildConfigSchema, writeConfigSchema, schemaFileName } from './profiles/schema';
// Config files and profiles: jsonc-parser loads only inside the functions that read or edit a file.
export type { ConfigLayer, TeamConfigData, ProfileData } from './profiles/configTypes';
export { findConfigLayers, findProjectFolder, configFileNames } from './profiles/findConfigLayers';
export { resolveProfile, type ResolvedProfile, type ResolvedProperty } from './profiles/resolveProfile';
export {
  listProfiles,
  profileConfigKey,
  profileJsonPath,
  type ProfileListing,
} from './profiles/profilePaths';
export { setConfigValue, type SetConfigValueOptions } from './profiles/setConfigValue';
export { secureAccount } from './profiles/secureAccount';
export { keyringCredentialManager } from './profiles/keyringCredentialManager';
// The terminal prompter; each prompt library is required only when its first prompt is shown.
export { createPrompter, type PrompterOptions } from './prompt/createPrompter';
