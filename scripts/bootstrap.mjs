#!/usr/bin/env node
// Makes a fresh clone runnable with nothing but Node and npm: installs the workspace with the
// pinned pnpm (fetched by npx into npm's cache, never installed globally), then builds.
// Cheap to run again: pnpm and `tsc -b` both skip work that is up to date.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pnpmVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`bootstrap: \`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status ?? 1);
  }
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`bootstrap: Node ${process.versions.node} is too old; Edict needs Node >= 20.19.`);
  process.exit(1);
}

if (!existsSync(join(root, 'node_modules', '.modules.yaml')) || process.env.EDICT_FORCE_INSTALL) {
  const frozen = process.env.CI ? ['--frozen-lockfile'] : [];
  run(npx, ['--yes', `pnpm@${pnpmVersion}`, 'install', ...frozen]);
}
run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'tsconfig.build.json']);
run(process.execPath, [join(root, 'scripts', 'build', 'startupPack.mjs')]);
