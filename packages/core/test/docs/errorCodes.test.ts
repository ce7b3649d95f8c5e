import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// docs/errors.md lists every error code the packages raise: a code added in src without a line
// there fails this test.
const repo = join(__dirname, '..', '..', '..', '..');

/**
 * Spelled like codes but not error codes, as docs/errors.md says: environment variables, and the
 * plugin validator's issue code for a malformed `edict` field.
 */
const NOT_CODES = new Set([
  'EDICT_MODULE_LOADER',
  'EDICT_MODULE_LOADER_TRACE',
  'EDICT_PLUGIN_CODE_TIMEOUT_MS',
  'EDICT_COMPILE_CACHE',
  'EDICT_FIELD',
]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

function codesInSources(): Map<string, string> {
  const found = new Map<string, string>();
  for (const pkg of readdirSync(join(repo, 'packages'))) {
    let files: string[];
    try {
      files = sources(join(repo, 'packages', pkg, 'src'));
    } catch {
      continue;
    }
    for (const file of files) {
      // A whole quoted string: `'EDICT_CREATE_'` (a prefix) is not a code.
      for (const m of readFileSync(file, 'utf8').matchAll(/['"`](EDICT_[A-Z0-9_]*[A-Z0-9])['"`]/g))
        if (!NOT_CODES.has(m[1]!) && !found.has(m[1]!)) found.set(m[1]!, file.slice(repo.length + 1));
    }
  }
  return found;
}

const doc = readFileSync(join(repo, 'docs', 'errors.md'), 'utf8');
const documented = new Set([...doc.matchAll(/^\| `(EDICT_[A-Z0-9_]+)` \|/gm)].map((m) => m[1]!));

test('every error code used in packages/*/src has a row in docs/errors.md', () => {
  const used = codesInSources();
  expect(used.size).toBeGreaterThan(40);
  const missing = [...used]
    .filter(([code]) => !documented.has(code))
    .map(([code, file]) => `${code} (${file})`);
  expect(missing).toEqual([]);
});

test('docs/errors.md documents no code the sources do not use', () => {
  const used = codesInSources();
  expect([...documented].filter((code) => !used.has(code))).toEqual([]);
});
