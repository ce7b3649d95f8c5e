/**
 * The node binaries the child-process tests run on: the current one (Node 20 in CI, where
 * `module.register` carries the ESM hook) and Node 24 (`module.registerHooks`). Node 24 comes
 * from the registry npm is configured with (`npm pack node-<platform>-<arch>@24`) and is cached
 * under the OS temp dir, never installed globally. A failed fetch throws: the tests fail.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One binary for describe.each: a label and a function giving the binary's path. */
export type NodeBinary = [label: string, path: () => string];

const NODE_24_MAJOR = '24';
const cacheDir = join(tmpdir(), 'edict-node-cache');

function platformPackage(): string {
  const platform = process.platform === 'win32' ? 'win' : process.platform;
  return `node-${platform}-${process.arch}`;
}

function binaryIn(dir: string): string {
  return process.platform === 'win32'
    ? join(dir, 'package', 'bin', 'node.exe')
    : join(dir, 'package', 'bin', 'node');
}

function run(command: string, args: string[], cwd: string): string {
  const child = spawnSync(command, args, { cwd, encoding: 'utf8', shell: process.platform === 'win32' });
  if (child.status !== 0) {
    const stderr = (child.stderr ?? '')
      .split('\n')
      .filter((line) => line && !line.startsWith('npm warn'))
      .join('\n');
    throw new Error(
      `\`${command} ${args.join(' ')}` +
        `\` failed (exit ${child.status ?? child.signal}` +
        `): ${stderr || child.error?.message}`,
    );
  }
  return child.stdout;
}

/** Path of a cached Node 24 binary, fetched on first use. */
export function node24(): string {
  const dir = join(cacheDir, `${platformPackage()}-${NODE_24_MAJOR}`);
  if (existsSync(binaryIn(dir))) return binaryIn(dir);
  mkdirSync(cacheDir, { recursive: true });
  const work = mkdtempSync(join(cacheDir, 'fetch-'));
  try {
    const spec = `${platformPackage()}@${NODE_24_MAJOR}`;
    let packed: Array<{ filename: string }>;
    try {
      packed = JSON.parse(run('npm', ['pack', spec, '--json', '--pack-destination', work], work)) as Array<{
        filename: string;
      }>;
    } catch (error) {
      throw new Error(
        `Could not fetch Node ${NODE_24_MAJOR}` +
          ` for the module-loader tests (npm pack ${spec}` +
          `); these tests need it and do not skip. ${(error as Error).message}`,
      );
    }
    const tarball = packed[0]?.filename;
    if (!tarball) throw new Error(`npm pack ${spec} reported no tarball`);
    const extracted = join(work, 'x');
    mkdirSync(extracted);
    run('tar', ['-xzf', join(work, tarball), '-C', extracted], work);
    if (!existsSync(binaryIn(extracted)))
      throw new Error(`${spec} has no node binary at ${binaryIn(extracted)}`);
    try {
      renameSync(extracted, dir);
    } catch (error) {
      if (!existsSync(binaryIn(dir))) throw error; // another test file won the race
    }
    return binaryIn(dir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The binaries every child-process test runs on. */
export const nodeBinaries: NodeBinary[] = [
  [`node ${process.versions.node} (current)`, () => process.execPath],
  [`node ${NODE_24_MAJOR} (fetched)`, node24],
];
