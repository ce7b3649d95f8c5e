import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packTarball } from '../../src/registry-seed/tarball';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edict-tarball-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('packTarball', () => {
  it('makes a gzipped tar that tar extracts under package/, with long paths and modes intact', () => {
    const longPath = `${'deep/'.repeat(25)}file-with-a-long-name.js`;
    const packed = packTarball([
      { path: 'package.json', data: Buffer.from('{"name":"x","version":"1.0.0"}') },
      { path: 'bin/x.js', data: Buffer.from('#!/usr/bin/env node\n'), mode: 0o755 },
      { path: longPath, data: Buffer.alloc(1000, 'a') },
    ]);
    writeFileSync(join(dir, 'x.tgz'), packed.data);
    const r = spawnSync('tar', ['-xzf', 'x.tgz'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(readFileSync(join(dir, 'package', 'package.json'), 'utf8')).toBe('{"name":"x","version":"1.0.0"}');
    expect(readFileSync(join(dir, 'package', longPath), 'utf8')).toBe('a'.repeat(1000));
    expect(statSync(join(dir, 'package', 'bin', 'x.js')).mode & 0o111).not.toBe(0);
  });

  it(
    'gives the sha1 shasum and sha512 integrity of the bytes, the ' + 'same for the same files in any order',
    () => {
      const a = packTarball([
        { path: 'a', data: Buffer.from('1') },
        { path: 'b', data: Buffer.from('2') },
      ]);
      const b = packTarball([
        { path: 'b', data: Buffer.from('2') },
        { path: 'a', data: Buffer.from('1') },
      ]);
      expect(a.data.equals(b.data)).toBe(true);
      expect(a.shasum).toBe(createHash('sha1').update(a.data).digest('hex'));
      expect(a.integrity).toBe(`sha512-${createHash('sha512').update(a.data).digest('base64')}`);
    },
  );
});
