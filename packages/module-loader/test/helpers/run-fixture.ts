/** Runs test/fixtures/runner.cjs in a child process with a given node binary. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFixture, type Fixture } from './fixture-tree';

const loaderLib = join(__dirname, '..', '..', 'lib', 'index.js');
const runner = join(__dirname, '..', 'fixtures', 'runner.cjs');

/** What runner.cjs is told to do. */
export interface RunConfig {
  esm: boolean;
  loader: boolean;
  disabled?: boolean;
  rootsLater?: boolean;
  disableBeforeLoad?: boolean;
  traceCallback?: boolean;
  /** Instead of the fixture's plugins folder. */
  pluginRoots?: string[];
  /** Default `['@edict/*', 'some-host-cli']`. */
  injected?: string[];
}

/** The runner's REPORT line plus the plugin's printed listing. */
export interface RunResult {
  listing: string[];
  report: Record<string, unknown> & { events: Array<Record<string, unknown>> };
  stderr: string;
}

/** A fixture tree whose plugin is the CJS or ESM fixture plugin. */
export function fixtureFor(esm: boolean, hostExports = false): Fixture {
  const index = readFileSync(
    join(__dirname, '..', 'fixtures', esm ? 'plugin-esm.js' : 'plugin-cjs.js'),
    'utf8',
  );
  return buildFixture(index, { esm, hostExports });
}

export function runFixture(
  node: string,
  fixture: Fixture,
  config: RunConfig,
  env: Record<string, string> = {},
): RunResult {
  const cleanEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.includes('MODULE_LOADER')),
  );
  const payload = JSON.stringify({
    ...config,
    loaderLib,
    hostRoot: fixture.hostRoot,
    pluginsDir: fixture.pluginsDir,
    pluginRoot: fixture.pluginRoot,
  });
  const child = spawnSync(node, [runner, payload], {
    cwd: fixture.dir,
    env: { ...cleanEnv, ...env },
    encoding: 'utf8',
  });
  const lines = child.stdout.split('\n').filter((line) => line !== '');
  const reportLine = lines.find((line) => line.startsWith('REPORT '));
  if (child.status !== 0 || !reportLine) {
    throw new Error(
      `runner failed (exit ${child.status ?? child.signal}):\n${child.stdout}\n${child.stderr}`,
    );
  }
  return {
    listing: lines.filter((line) => !line.startsWith('REPORT ')),
    report: JSON.parse(reportLine.slice('REPORT '.length)) as RunResult['report'],
    stderr: child.stderr,
  };
}
