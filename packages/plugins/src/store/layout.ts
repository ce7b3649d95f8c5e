import { indexFile, installedRoot, lockFile, projectDir, recordFile, stagingRoot } from './paths';

/** The files and folders of a plugins folder (for tools and tests). */
export function pluginsDirLayout(pluginsDir: string): {
  recordFile: string;
  indexFile: string;
  installedDir: string;
  stagingDir: string;
  lockFile: string;
  projectDirOf: (name: string) => string;
} {
  return {
    recordFile: recordFile(pluginsDir),
    indexFile: indexFile(pluginsDir),
    installedDir: installedRoot(pluginsDir),
    stagingDir: stagingRoot(pluginsDir),
    lockFile: lockFile(pluginsDir),
    projectDirOf: (name) => projectDir(pluginsDir, name),
  };
}
