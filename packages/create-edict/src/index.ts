// The public API of create-edict: the scaffolder as a library (the bin is a thin wrapper).
export { main, type MainIO } from './cli/main';
export { parseArgs, HELP, PACKAGE_MANAGERS, type CreateArgs, type PackageManager } from './args';
export { resolveOptions, templateVars, detectPackageManager, type ProjectOptions } from './options';
export { createProject, type CreateResult } from './createProject';
export {
  render,
  placeholders,
  listTemplateFiles,
  outputPath,
  renderProject,
  TEMPLATES_DIR,
  type TemplateVars,
  type ProjectFile,
} from './templates';
export { CreateError, isCreateError, EXIT_USAGE, EXIT_FAILURE } from './errors';
