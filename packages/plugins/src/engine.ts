// The engine's operations in one module, required on first use by the lazy facade in
// `lazyEngine.ts`, so that a host importing `@edict/plugins` to run a command pays nothing for them.
export { loadNpmConfig } from './npm/config';
export { searchPlugins } from './npm/search';
export { installPlugins } from './manage/installPlugins';
export { uninstallPlugins } from './manage/uninstallPlugins';
export { updatePlugins } from './manage/updatePlugins';
export { linkPlugin, unlinkPlugin } from './manage/linkPlugin';
export { listPlugins } from './manage/listPlugins';
export { validatePlugin } from './validate/validatePlugin';
export { buildIndex } from './index-file/buildIndex';
export { runHook } from './install/hooks';
export { doctorPlugins } from './manage/doctor';
