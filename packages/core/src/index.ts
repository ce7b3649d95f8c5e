// The public API of @edict/core. Only light modules are re-exported here: heavy libraries
// (yargs-parser, chalk, cli-table3) are required inside the functions that need them, and the
// functions only some runs need (manifests, profiles, prompts) are `lazy`: required on first call.
/* eslint-disable @typescript-eslint/no-require-imports -- the lazy exports require on first call */
import { lazy } from './lazy';
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
export const checkCommandTree = lazy(
  () => require('./manifest/checkCommandTree') as typeof import('./manifest/checkCommandTree'),
  'checkCommandTree',
);
export const parseManifest = lazy(
  () => require('./manifest/parseManifest') as typeof import('./manifest/parseManifest'),
  'parseManifest',
);
export const loadDefinitions = lazy(
  () => require('./manifest/loadDefinitions') as typeof import('./manifest/loadDefinitions'),
  'loadDefinitions',
);
export const generateManifest = lazy(
  () => require('./manifest/generateManifest') as typeof import('./manifest/generateManifest'),
  'generateManifest',
);
export { envPrefixFor, toEnvSegment, camelCase, kebabCase } from './host/names';
export { shellWord } from './errors/shellWord';
// What a module that failed to load says: used where a handler or a plugin's module is loaded.
export const errorPlace = lazy(
  () => require('./handlers/loadError') as typeof import('./handlers/loadError'),
  'errorPlace',
);
export const loadErrorReason = lazy(
  () => require('./handlers/loadError') as typeof import('./handlers/loadError'),
  'loadErrorReason',
);
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
export type { LoggerOptions } from './log/createLogger';
export const createLogger = lazy(
  () => require('./log/createLogger') as typeof import('./log/createLogger'),
  'createLogger',
);
export { parseLogLevel, LOG_LEVELS, DEFAULT_LOG_LEVEL, type LogLevelSetting } from './log/logLevel';
export const checkProfileTypes = lazy(
  () => require('./profiles/checkProfileTypes') as typeof import('./profiles/checkProfileTypes'),
  'checkProfileTypes',
);
export const buildConfigSchema = lazy(
  () => require('./profiles/schema') as typeof import('./profiles/schema'),
  'buildConfigSchema',
);
export const writeConfigSchema = lazy(
  () => require('./profiles/schema') as typeof import('./profiles/schema'),
  'writeConfigSchema',
);
export const schemaFileName = lazy(
  () => require('./profiles/schema') as typeof import('./profiles/schema'),
  'schemaFileName',
);
// Config files and profiles: jsonc-parser loads only inside the functions that read or edit a file.
export type { ConfigLayer, TeamConfigData, ProfileData } from './profiles/configTypes';
export const findConfigLayers = lazy(
  () => require('./profiles/findConfigLayers') as typeof import('./profiles/findConfigLayers'),
  'findConfigLayers',
);
export const findProjectFolder = lazy(
  () => require('./profiles/findConfigLayers') as typeof import('./profiles/findConfigLayers'),
  'findProjectFolder',
);
export const configFileNames = lazy(
  () => require('./profiles/findConfigLayers') as typeof import('./profiles/findConfigLayers'),
  'configFileNames',
);
export type { ResolvedProfile, ResolvedProperty } from './profiles/resolveProfile';
export const resolveProfile = lazy(
  () => require('./profiles/resolveProfile') as typeof import('./profiles/resolveProfile'),
  'resolveProfile',
);
export type { ProfileListing } from './profiles/profilePaths';
export const listProfiles = lazy(
  () => require('./profiles/profilePaths') as typeof import('./profiles/profilePaths'),
  'listProfiles',
);
export const profileConfigKey = lazy(
  () => require('./profiles/profilePaths') as typeof import('./profiles/profilePaths'),
  'profileConfigKey',
);
export const profileJsonPath = lazy(
  () => require('./profiles/profilePaths') as typeof import('./profiles/profilePaths'),
  'profileJsonPath',
);
export type { SetConfigValueOptions } from './profiles/setConfigValue';
export const setConfigValue = lazy(
  () => require('./profiles/setConfigValue') as typeof import('./profiles/setConfigValue'),
  'setConfigValue',
);
export const secureAccount = lazy(
  () => require('./profiles/secureAccount') as typeof import('./profiles/secureAccount'),
  'secureAccount',
);
export const keyringCredentialManager = lazy(
  () =>
    require('./profiles/keyringCredentialManager') as typeof import('./profiles/keyringCredentialManager'),
  'keyringCredentialManager',
);
// The terminal prompter; each prompt library is required only when its first prompt is shown.
export type { PrompterOptions } from './prompt/createPrompter';
export const createPrompter = lazy(
  () => require('./prompt/createPrompter') as typeof import('./prompt/createPrompter'),
  'createPrompter',
);
