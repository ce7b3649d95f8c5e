#!/usr/bin/env node
// The whole test suite: lint (zero warnings), formatting (prettier --check), type-check of sources and tests,
// then jest.
// Extra arguments go to jest (`npm test -- packages/core`).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (pkg, file) => join(root, 'node_modules', pkg, file);
const steps = [
  ['lint', [bin('eslint', 'bin/eslint.js'), '--max-warnings', '0', '.']],
  ['format', [bin('prettier', 'bin/prettier.cjs'), '--check', '.']],
  ['type-check', [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.test.json', '--noEmit']],
  ['jest', [bin('jest', 'bin/jest.js'), ...process.argv.slice(2)]],
];
for (const [name, args] of steps) {
  if (process.env.EDICT_TEST_ONLY_JEST && name !== 'jest') continue;
  console.log(`\n▶ ${name}`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`test: ${name} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status ?? 1);
  }
}
