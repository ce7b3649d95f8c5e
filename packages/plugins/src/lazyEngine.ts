/* eslint-disable @typescript-eslint/no-require-imports */
import type * as Engine from './engine';

// Each engine operation loads its module graph on first call. Re-exporting `./engine` directly
// would load some forty modules on every run of the host, `--version` included.
let engine: typeof Engine | undefined;
const load = (): typeof Engine => (engine ??= require('./engine') as typeof Engine);

/** See {@link Engine.loadNpmConfig}. */
export const loadNpmConfig: typeof Engine.loadNpmConfig = (options) => load().loadNpmConfig(options);
/** See {@link Engine.searchPlugins}. */
export const searchPlugins: typeof Engine.searchPlugins = (options) => load().searchPlugins(options);
/** See {@link Engine.installPlugins}. */
export const installPlugins: typeof Engine.installPlugins = (options) => load().installPlugins(options);
/** See {@link Engine.uninstallPlugins}. */
export const uninstallPlugins: typeof Engine.uninstallPlugins = (options) => load().uninstallPlugins(options);
/** See {@link Engine.updatePlugins}. */
export const updatePlugins: typeof Engine.updatePlugins = (options) => load().updatePlugins(options);
/** See {@link Engine.linkPlugin}. */
export const linkPlugin: typeof Engine.linkPlugin = (options) => load().linkPlugin(options);
/** See {@link Engine.unlinkPlugin}. */
export const unlinkPlugin: typeof Engine.unlinkPlugin = (options) => load().unlinkPlugin(options);
/** See {@link Engine.listPlugins}. */
export const listPlugins: typeof Engine.listPlugins = (options) => load().listPlugins(options);
/** See {@link Engine.validatePlugin}. */
export const validatePlugin: typeof Engine.validatePlugin = (root, host, options) =>
  load().validatePlugin(root, host, options);
/** See {@link Engine.buildIndex}. */
export const buildIndex: typeof Engine.buildIndex = (pluginsDir, host, previous) =>
  load().buildIndex(pluginsDir, host, previous);
/** See {@link Engine.runHook}. */
export const runHook: typeof Engine.runHook = (call) => load().runHook(call);
/** See {@link Engine.doctorPlugins}. */
export const doctorPlugins: typeof Engine.doctorPlugins = (options) => load().doctorPlugins(options);
