#!/usr/bin/env node
// `npm run release`: gives every public package the version its pending changesets ask for
// (`changeset version`, which also writes the CHANGELOG.md entries), then publishes them all to
// the registry npm's configuration names (`npm config get registry`, `npm_config_registry`).
// `npm run release -- --dry-run` (or `npm run release:dry`) changes and publishes nothing: it
// lists each public package with its version, README and changelog entry, offline, and fails
// when one lacks either.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publicPackages } from './release/packages.mjs';
import { publishPackages } from './release/publish.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Prints the release plan; returns the names of packages that cannot be released as they are. */
function printPlan() {
  const problems = [];
  for (const p of publicPackages(root)) {
    const version = p.next ? `${p.version} -> ${p.next}` : p.version;
    console.log(`${p.name}@${version}`);
    console.log(`  README.md: ${p.readme ? 'yes' : 'MISSING'}`);
    console.log(`  changelog: ${p.changelog ? p.changelog.split('\n').join('\n             ') : 'MISSING'}`);
    if (!p.readme || !p.changelog) problems.push(p.name);
  }
  return problems;
}

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

const dryRun = process.argv.includes('--dry-run');
console.log(dryRun ? 'Release plan (dry run: nothing is changed or published):\n' : 'Releasing:\n');
const problems = printPlan();
if (problems.length)
  fail(`${problems.join(', ')} lack a README.md or a changelog entry (add one: npx changeset).`);
if (!dryRun) {
  const changeset = join(root, 'node_modules', '@changesets', 'cli', 'bin.js');
  const version = spawnSync(process.execPath, [changeset, 'version'], { cwd: root, stdio: 'inherit' });
  if (version.status !== 0) fail(`changeset version failed (exit ${version.status ?? version.signal}).`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const registry = spawnSync(npm, ['config', 'get', 'registry'], { encoding: 'utf8', shell: false });
  console.log(`\nPublishing to ${registry.stdout.trim()} (npm config get registry)`);
  const result = await publishPackages(root).catch((err) => fail(`${err.message}\n${err.stderr ?? ''}`));
  for (const id of result.published) console.log(`published ${id}`);
  for (const id of result.existed) console.log(`already there: ${id}`);
  console.log('\nCommit the new versions and changelogs: git add -A && git commit -m "release"');
}
