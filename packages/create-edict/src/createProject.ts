import type { ProjectOptions } from './options';
import { templateVars } from './options';
import { renderProject, type ProjectFile } from './templates';
import { checkTarget, writeFiles } from './write';

/** What {@link createProject} did (or, with `dryRun`, would do). */
export interface CreateResult {
  dir: string;
  kind: 'cli' | 'plugin';
  /** Paths of the project's files, relative to `dir`. */
  files: string[];
  written: boolean;
}

/**
 * Generates a project from the templates into `options.dir`. Refuses a folder that is not empty
 * unless `force`; with `dryRun` it checks the same things and writes nothing.
 */
export function createProject(
  options: ProjectOptions,
  flags: { force?: boolean; dryRun?: boolean } = {},
): CreateResult {
  checkTarget(options.dir, Boolean(flags.force));
  const files: ProjectFile[] = renderProject(options.kind, templateVars(options));
  if (!flags.dryRun) writeFiles(options.dir, files);
  return { dir: options.dir, kind: options.kind, files: files.map((f) => f.path), written: !flags.dryRun };
}
