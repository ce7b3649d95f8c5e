import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadNpmConfig } from '../../src/npm/config';
import type { NpmOptions } from '../../src/types';

/** A temp folder with a plugins dir, a home, an npm cache and a place for fixtures. */
export interface TestDirs {
  root: string;
  pluginsDir: string;
  fixtures: string;
  cleanup(): void;
  /** npm options read from the registry's .npmrc (as `npm_config_userconfig`), with a private cache. */
  npmOptions(npmrcPath: string, extraEnv?: Record<string, string>): Promise<NpmOptions>;
}

export function makeDirs(label: string): TestDirs {
  const root = mkdtempSync(join(tmpdir(), `edict-plugins-${label}-`));
  const dirs = {
    pluginsDir: join(root, 'home', 'plugins'),
    fixtures: join(root, 'fixtures'),
    home: join(root, 'home'),
    cache: join(root, 'npm-cache'),
  };
  for (const d of [dirs.fixtures, dirs.home]) mkdirSync(d, { recursive: true });
  return {
    root,
    pluginsDir: dirs.pluginsDir,
    fixtures: dirs.fixtures,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
    npmOptions: (npmrcPath, extraEnv = {}) =>
      loadNpmConfig({
        cwd: dirs.home,
        env: {
          HOME: dirs.home,
          PATH: process.env.PATH ?? '',
          npm_config_userconfig: npmrcPath,
          npm_config_cache: dirs.cache,
          npm_config_fetch_retries: '0',
          ...extraEnv,
        },
      }),
  };
}

/** A registry's access log, as `@edict/testing`'s TestRegistry.requests() gives it. */
type RequestLog = () => { method: string; url: string; status: number }[];

/**
 * Counts GETs of `name`'s registry document after `from` (an earlier log length), once the log
 * shows its tarball was asked for: the access log lags a little, and the document is always
 * fetched before the tarball.
 */
export async function documentGets(requests: RequestLog, from: number, name: string): Promise<number> {
  const served = () => requests().slice(from);
  for (
    let i = 0;
    i < 100 && !served().some((r) => r.method === 'GET' && r.url.startsWith(`/${name}/-/`));
    i++
  ) {
    await new Promise((r) => setTimeout(r, 50));
  }
  return served().filter((r) => r.method === 'GET' && r.url === `/${name}`).length;
}
