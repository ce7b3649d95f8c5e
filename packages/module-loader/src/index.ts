export { enableModuleLoader, type ModuleLoader, type ModuleLoaderOptions } from './loader';
export { isInjectedRequest, packageNameOf } from './injected';
export { moduleLoaderDisabledByEnv, moduleLoaderTraceByEnv } from './env';
export { formatTraceEvent, type ModuleLoaderTrace, type ModuleLoaderTraceEvent } from './trace';
export type { EsmHookApi } from './esm-redirect';
