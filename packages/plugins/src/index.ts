// The public API of @edict/plugins. Importing it is cheap: the engine's operations (and with
// them pacote, arborist, @npmcli/config, npm-registry-fetch, semver) load on first call.
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
export {
  loadNpmConfig,
  searchPlugins,
  installPlugins,
  uninstallPlugins,
  updatePlugins,
  linkPlugin,
  unlinkPlugin,
  listPlugins,
  validatePlugin,
  buildIndex,
  runHook,
  doctorPlugins,
} from './lazyEngine';
export type { NpmConfigOptions } from './npm/config';
export type { SearchHit } from './npm/search';
export type { InstallOptions, InstallResult } from './manage/installPlugins';
export type { InstalledPlugin } from './install/pipeline';
export type { SkippedScript, ScriptPolicy } from './install/scripts';
export type { HookRun, HookContext, HookCall } from './install/hooks';
export type { DoctorOptions, DoctorReport } from './manage/doctor';
export type { UninstallOptions, UninstallResult } from './manage/uninstallPlugins';
export type { UpdateOptions, PluginUpdate } from './manage/updatePlugins';
export type { LinkOptions, LinkResult } from './manage/linkPlugin';
export type { PluginListing, PluginHealth } from './manage/listPlugins';
export type { ValidateOptions, DetailedValidation } from './validate/validatePlugin';
export { readPluginIndex } from './index-file/readPluginIndex';
export { recordedPluginNames } from './store/recordedNames';
export { pluginsDirLayout } from './store/layout';
export { pluginsGroup } from './commands/pluginsGroup';
export { installedPlugins, type InstalledPluginsOptions } from './runtime/installedPlugins';
export { injectedPackages } from './runtime/activeLoader';
export { FRAMEWORK_PACKAGES } from './injected';
export { pluginHostOf, pluginsDirOf, currentFrameworkVersion } from './runtime/pluginHost';
export { PLUGIN_LOAD_FAILED } from './runtime/loadPluginModule';
export type { InitHookContext } from './runtime/runInitHook';
