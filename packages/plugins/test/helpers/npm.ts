import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Runs a real `npm pack` in `folder` and returns the absolute path of the .tgz. */
export function npmPack(folder: string, cacheDir: string): string {
  const out = execFileSync(
    process.platform === 'win32' ? 'npm.cmd' : 'npm',
    ['pack', '--json', '--ignore-scripts'],
    {
      cwd: folder,
      encoding: 'utf8',
      env: {
        ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k))),
        npm_config_cache: cacheDir,
      },
      shell: process.platform === 'win32',
    },
  );
  const [info] = JSON.parse(out) as { filename: string }[];
  return join(folder, info!.filename);
}
