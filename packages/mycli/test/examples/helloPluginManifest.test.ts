import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(__dirname, '..', '..', '..', '..');
const example = join(repo, 'packages', 'mycli', 'examples', 'hello-plugin');
const bin = join(repo, 'packages', 'core', 'bin', 'edict-manifest.js');

describe('the sample plugin', () => {
  it('has a committed edict.manifest.json that matches what edict-manifest writes from commands.js', () => {
    const copy = mkdtempSync(join(tmpdir(), 'edict-hello-plugin-'));
    try {
      cpSync(example, copy, { recursive: true, filter: (src) => !src.endsWith('edict.manifest.json') });
      const r = spawnSync(process.execPath, [bin, copy], { encoding: 'utf8', timeout: 60000 });
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
      const fresh = readFileSync(join(copy, 'edict.manifest.json'), 'utf8');
      // On failure: run `npx edict-manifest` in packages/mycli/examples/hello-plugin and commit the result.
      expect(readFileSync(join(example, 'edict.manifest.json'), 'utf8')).toBe(fresh);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
