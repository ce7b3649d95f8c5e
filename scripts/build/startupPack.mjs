// Writes each framework package's startup pack, `lib/index.packed.js`: the package's compiled
// modules (every one its entry reaches by relative `require`) as source strings in one file, loaded
// without resolving, stat-ing and reading a file per module. Startup spent more time finding and
// reading ~80 small files than running them. Each module is still compiled on its own (with its
// real file name, so stacks and errors point to the file) and registered in `require.cache` under
// its real path, so a file that is required directly (a handler, a subpath export) shares the
// same module instance. Run after `tsc -b`; `node scripts/build/startupPack.mjs` (bootstrap and
// `npm run build` do).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packDataHead, packRuntime } from './packRuntime.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The packages that get a pack: those every run of a host loads. */
export const PACKED_PACKAGES = ['core', 'plugins', 'module-loader'];
export const PACK_FILE = 'index.packed.js';
/** The member table, then the members' sources one after another (see packDataHead). */
export const PACK_DATA_FILE = 'index.packed.src';

const REQUIRE = /require\((['"])(\.{1,2}\/[^'"]*|\.{1,2})\1\)/g;

function resolveMember(libDir, fromRel, request) {
  const base = posix.normalize(posix.join(posix.dirname(fromRel), request));
  for (const rel of [base, `${base}.js`, posix.join(base, 'index.js')]) {
    const file = join(libDir, rel);
    if (existsSync(file) && statSync(file).isFile()) return rel;
  }
  return undefined;
}

/** Whether a compiled file calls `import()` in code (not in a comment). */
function callsImport(source) {
  return source.split('\n').some((line) => /\bimport\(/.test(line) && !/^\s*(\/\/|\/?\*)/.test(line));
}

/** Every module `entry` reaches by relative require, with each one's map of request → member. */
export function collectMembers(libDir, entry = 'index.js') {
  const members = new Map();
  const skipped = new Set();
  const queue = [entry];
  while (queue.length > 0) {
    const rel = queue.shift();
    if (members.has(rel) || skipped.has(rel)) continue;
    const source = readFileSync(join(libDir, rel), 'utf8').replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
    // Code compiled by vm cannot call import() on Node 20 (it needs --experimental-vm-modules):
    // such a module stays a file of its own, required from disk as usual.
    if (callsImport(source)) {
      if (rel === entry)
        throw new Error(`startupPack: ${join(libDir, rel)} calls import(); it cannot be packed`);
      skipped.add(rel);
      continue;
    }
    const deps = {};
    for (const match of source.matchAll(REQUIRE)) {
      const member = resolveMember(libDir, rel, match[2]);
      if (member === undefined) continue;
      deps[match[2]] = member;
      queue.push(member);
    }
    members.set(rel, { source, deps });
  }
  for (const { deps } of members.values())
    for (const [request, rel] of Object.entries(deps)) if (skipped.has(rel)) delete deps[request];
  return members;
}

/**
 * The entry with its pure re-exports loaded on first use. tsc writes `export { x } from './m'` as
 * `var m_1 = require("./m");` and a getter `return m_1.x;` per name. Where a module binding is used
 * only in such getters, its require moves into them, so a run loads the modules whose exports it
 * reads (`--version` reads one of ~20), not every module the entry names. Line count is kept.
 */
export function lazyReexports(source) {
  let out = source;
  for (const [line, name, request] of source.matchAll(/^var (\w+) = require\(("\.{1,2}\/[^"]+")\);$/gm)) {
    const getter = new RegExp(`get: function \\(\\) \\{ return ${name}\\.(\\w+); \\}`, 'g');
    const uses = source.match(new RegExp(`\\b${name}\\b`, 'g'))?.length ?? 0;
    const getters = source.match(getter)?.length ?? 0;
    if (getters === 0 || uses !== getters + 1) continue;
    out = out
      .replace(line, `var ${name}$; const ${name} = () => (${name}$ ??= require(${request}));`)
      .replace(getter, (_, key) => `get: function () { return ${name}().${key}; }`);
  }
  return out;
}

/** The export names tsc declares at the top of the entry, for Node's ESM named-export detection. */
function exportNames(entrySource) {
  const assigned = [...entrySource.matchAll(/\bexports\.(\w+) = /g)].map((m) => m[1]);
  const defined = [...entrySource.matchAll(/defineProperty\(exports, "(\w+)"/g)].map((m) => m[1]);
  const names = [...assigned, ...defined].filter((n) => n !== '__esModule');
  return [...new Set(names)];
}

/** Writes one package's pack (loader and data file) and returns its member count and size. */
export function writePack(packageDir) {
  const libDir = join(packageDir, 'lib');
  const members = collectMembers(libDir);
  const buildInfo = statSync(join(libDir, '.tsbuildinfo'), { throwIfNoEntry: false });
  const { name } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const chunks = [];
  let offset = 0;
  const table = [...members].map(([rel, { source, deps }]) => {
    const bytes = Buffer.from(rel === 'index.js' ? lazyReexports(source) : source);
    chunks.push(bytes);
    offset += bytes.length;
    return { rel, deps, start: offset - bytes.length, end: offset };
  });
  const sources = Buffer.concat(chunks);
  const data = Buffer.concat([packDataHead(table), sources]);
  const text = packRuntime({
    exportNames: exportNames(members.get('index.js').source),
    buildStamp: buildInfo ? buildInfo.mtimeMs : null,
    name: name.replace(/^@/, '').replace('/', '+'),
    id: createHash('sha256').update(data).digest('hex').slice(0, 16),
    dataFile: PACK_DATA_FILE,
  });
  writeFileSync(join(libDir, PACK_DATA_FILE), data);
  writeFileSync(join(libDir, PACK_FILE), text);
  return { modules: members.size, bytes: text.length + data.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const name of PACKED_PACKAGES) {
    const { modules, bytes } = writePack(join(root, 'packages', name));
    if (process.argv.includes('--verbose'))
      console.error(`startupPack: ${name}: ${modules} modules, ${Math.round(bytes / 1024)} KiB`);
  }
}
