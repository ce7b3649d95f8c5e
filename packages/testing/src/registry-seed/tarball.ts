import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** One file of a package tarball: its path inside the package and its bytes. */
export interface TarEntry {
  path: string;
  data: Buffer;
  /** Unix permission bits (default 0o644). */
  mode?: number;
}

/** A packed package: the gzipped tar and its checksums as npm records them. */
export interface PackedTarball {
  data: Buffer;
  shasum: string;
  integrity: string;
}

// npm packs with this fixed date so tarballs of the same files are byte-identical.
const MTIME = Math.floor(Date.UTC(1985, 9, 26, 8, 15) / 1000);

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

/** Splits a path over ustar's 100-byte name and 155-byte prefix fields. */
function splitName(path: string): { name: string; prefix: string } {
  if (Buffer.byteLength(path) <= 100) return { name: path, prefix: '' };
  for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
    const name = path.slice(i + 1);
    const prefix = path.slice(0, i);
    if (Buffer.byteLength(name) <= 100 && Buffer.byteLength(prefix) <= 155) return { name, prefix };
  }
  throw new Error(`path too long for a tarball: ${path}`);
}

function header(path: string, size: number, mode: number): Buffer {
  const block = Buffer.alloc(512);
  const { name, prefix } = splitName(path);
  block.write(name, 0, 100, 'utf8');
  block.write(octal(mode & 0o7777, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii');
  block.write(octal(0, 8), 116, 'ascii');
  block.write(octal(size, 12), 124, 'ascii');
  block.write(octal(MTIME, 12), 136, 'ascii');
  block.write('        ', 148, 'ascii');
  block.write('0', 156, 'ascii');
  block.write('ustar\0', 257, 'ascii');
  block.write('00', 263, 'ascii');
  block.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return block;
}

/**
 * Packs files into an npm package tarball (gzipped ustar, every path under `package/`), in
 * process and without dependencies. Entries are sorted so the same files give the same bytes.
 */
export function packTarball(entries: readonly TarEntry[]): PackedTarball {
  const parts: Buffer[] = [];
  for (const entry of [...entries].sort((a, b) => a.path.localeCompare(b.path))) {
    parts.push(header(`package/${entry.path}`, entry.data.length, entry.mode ?? 0o644), entry.data);
    const pad = (512 - (entry.data.length % 512)) % 512;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(1024));
  const data = gzipSync(Buffer.concat(parts));
  return {
    data,
    shasum: createHash('sha1').update(data).digest('hex'),
    integrity: `sha512-${createHash('sha512').update(data).digest('base64')}`,
  };
}
