import { indexFile, installedRoot, lockFile, pluginDir, recordFile, stagingRoot } from './paths';

/** The files and folders of a plugins folder (for tools and tests). */
export function pluginsDirLayout(pluginsDir: string): {
  recordFile: string;
  indexFile: string;
  installedDir: string;
  stagingDir: string;
  lockFile: string;
  /** The folder holding a plugin's version folders. */
  pluginDirOf: (name: string) => string;
} {
  return {
    recordFile: recordFile(pluginsDir),
    indexFile: indexFile(pluginsDir),
    installedDir: installedRoot(pluginsDir),
    stagingDir: stagingRoot(pluginsDir),
    lockFile: lockFile(pluginsDir),
    pluginDirOf: (name) => pluginDir(pluginsDir, name),
  };
}
