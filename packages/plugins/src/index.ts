// The public API of @edict/plugins. Importing it is cheap: pacote, arborist, @npmcli/config,
// npm-registry-fetch and semver are required only inside the operations that need them.
export type {
  PluginHost,
  PluginSource,
  PluginRecord,
  PluginRecordFile,
  HookName,
  PluginIndex,
  PluginIndexEntry,
  ProgressEvent,
  ProgressFn,
  NpmOptions,
  EngineOptions,
  PluginIssue,
  ValidationResult,
} from './types';
export { PluginErrorCodes } from './errors';
export { loadNpmConfig, type NpmConfigOptions } from './npm/config';
export { searchPlugins, type SearchHit } from './npm/search';
export { installPlugins, type InstallOptions, type InstallResult } from './manage/installPlugins';
export type { InstalledPlugin } from './install/pipeline';
export type { SkippedScript, ScriptPolicy } from './install/scripts';
export type { HookRun, HookContext } from './install/hooks';
export { uninstallPlugins, type UninstallOptions, type UninstallResult } from './manage/uninstallPlugins';
export { updatePlugins, type UpdateOptions, type PluginUpdate } from './manage/updatePlugins';
export { linkPlugin, unlinkPlugin, type LinkOptions, type LinkResult } from './manage/linkPlugin';
export { listPlugins, type PluginListing, type PluginHealth } from './manage/listPlugins';
export { validatePlugin, type ValidateOptions, type DetailedValidation } from './validate/validatePlugin';
export { readPluginIndex } from './index-file/readPluginIndex';
export { buildIndex } from './index-file/buildIndex';
export { runHook } from './install/hooks';
export { pluginsDirLayout } from './store/layout';
export { pluginsGroup } from './commands/pluginsGroup';
export { installedPlugins, type InstalledPluginsOptions } from './runtime/installedPlugins';
export { FRAMEWORK_PACKAGES, injectedPackages } from './runtime/activeLoader';
export { pluginHostOf, pluginsDirOf, currentFrameworkVersion } from './runtime/pluginHost';
export { PLUGIN_LOAD_FAILED } from './runtime/loadPluginModule';
export type { InitHookContext } from './runtime/runInitHook';
