// The text of a startup pack (see startupPack.mjs): a loader whose data file beside it holds the
// table of members (JSON, which parses faster than the same table as code) and their sources.

/**
 * The data file: a 4-byte little-endian length, the member table as JSON of that many bytes
 * ({ rel: [deps, start, end] }, offsets after the table), then the member sources. Read once, as
 * bytes. Compiled code: V8's code cache of each member, kept per pack build in the user's cache
 * folder (see packCache below).
 */
const LOADER = `
const Module = require('node:module');
const { Script } = require('node:vm');
const { readFileSync, mkdirSync, writeFileSync, renameSync } = require('node:fs');
const { readdirSync, rmSync, statSync } = require('node:fs');
const { dirname, join } = require('node:path');
const WRAPPER = '(function (exports, require, module, __filename, __dirname) { ';
let data;
let body;
let MEMBERS;
const scripts = new Map();
const cache = stale ? undefined : packCache();

function readData() {
  data = readFileSync(join(__dirname, DATA_FILE));
  const length = data.readUInt32LE(0);
  MEMBERS = JSON.parse(data.toString('utf8', 4, 4 + length));
  body = 4 + length;
}

// A package name or builtin resolves the same from every member (lib/ holds no node_modules):
// resolved once per pack instead of once per folder of lib/, which Node's cache keys it by.
const external = new Map();
const isExternal = (request) =>
  request[0] !== '.' && request[0] !== '/' && !/^[a-zA-Z]:[\\\\/]/.test(request);

function requireOf(mod, request) {
  if (!isExternal(request)) return mod.require(request);
  if (!external.has(request)) external.set(request, mod.require(request));
  return external.get(request);
}

function makeRequire(mod, deps) {
  const req = (request) => (deps[request] === undefined ? requireOf(mod, request) : load(deps[request], mod));
  req.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
  req.resolve.paths = (request) => Module._resolveLookupPaths(request, mod);
  req.cache = Module._cache;
  req.main = require.main;
  return req;
}

function compile(rel, filename, start, end) {
  const cachedData = cache && cache.get(rel);
  const code = WRAPPER + data.toString('utf8', body + start, body + end) + '\\n})';
  const script = new Script(code, { filename, ...(cachedData ? { cachedData } : {}) });
  if (cache && (cachedData === undefined || script.cachedDataRejected)) cache.stale();
  scripts.set(rel, script);
  return script.runInThisContext();
}

function load(rel, parent) {
  const filename = join(__dirname, rel);
  const cached = Module._cache[filename];
  if (cached !== undefined) return cached.exports;
  if (data === undefined) readData();
  const [deps, start, end] = MEMBERS[rel];
  const mod = new Module(filename, parent);
  mod.filename = filename;
  mod.paths = Module._nodeModulePaths(dirname(filename));
  Module._cache[filename] = mod;
  let done = false;
  try {
    const fn = compile(rel, filename, start, end);
    fn.call(mod.exports, mod.exports, makeRequire(mod, deps), mod, filename, dirname(filename));
    done = true;
  } finally {
    if (!done) delete Module._cache[filename];
  }
  mod.loaded = true;
  return mod.exports;
}

// The code cache: one file per pack build and Node version, under EDICT_COMPILE_CACHE (a folder,
// or "off"), else the user's cache folder. V8 checks each entry against its source, its own
// version and flags; a file that is missing, damaged or of another build only costs a compile.
// When a run compiled a member without a usable entry, the file is rewritten as the process exits
// (the one place a pack listens to process): entries then hold the functions the run compiled.
function packCache() {
  const set = process.env.EDICT_COMPILE_CACHE;
  if (set === 'off') return undefined;
  const env = process.env;
  const home = () => require('node:os').homedir();
  // on POSIX, os.homedir() is $HOME when set: reading it saves loading node:os
  const base = set || join(process.platform === 'win32' ? env.LOCALAPPDATA || join(home(), 'AppData', 'Local')
    : env.XDG_CACHE_HOME || join(env.HOME || home(), '.cache'), 'edict', 'compile');
  const dir = join(base, process.version + '-' + process.arch, 'packs');
  const file = join(dir, PACK_NAME + '-' + PACK_ID + '.bin');
  const entries = new Map();
  try {
    const bytes = readFileSync(file);
    const headerLength = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.toString('utf8', 4, 4 + headerLength));
    let offset = 4 + headerLength;
    for (const [rel, length] of header) {
      if (offset + length > bytes.length) throw new Error('truncated');
      entries.set(rel, bytes.subarray(offset, (offset += length)));
    }
  } catch {
    entries.clear();
  }
  let saving = false;
  const save = () => {
    try {
      for (const [rel, script] of scripts) entries.set(rel, script.createCachedData());
      const header = Buffer.from(JSON.stringify([...entries].map(([rel, b]) => [rel, b.length])));
      const length = Buffer.alloc(4);
      length.writeUInt32LE(header.length, 0);
      mkdirSync(dir, { recursive: true });
      const temp = file + '.' + process.pid + '.tmp';
      writeFileSync(temp, Buffer.concat([length, header, ...entries.values()]));
      renameSync(temp, file);
      prune(dir);
    } catch {
      // a cache that cannot be written is no cache: the next run compiles again
    }
  };
  return {
    get: (rel) => entries.get(rel),
    stale() {
      if (saving) return;
      saving = true;
      process.once('exit', save);
    },
  };
}

// Keeps the newest few cache files of this package (other builds, other CLIs' versions of it).
function prune(dir) {
  const mine = readdirSync(dir).filter((f) => f.startsWith(PACK_NAME + '-') && f.endsWith('.bin'));
  if (mine.length <= 4) return;
  const byAge = mine.map((f) => [f, statSync(join(dir, f)).mtimeMs]).sort((a, b) => b[1] - a[1]);
  for (const [f] of byAge.slice(4)) rmSync(join(dir, f), { force: true });
}
`;

/**
 * The head of a pack's data file: the table's length and the table of `members`; their sources
 * follow it.
 * @param {{ rel: string, start: number, end: number, deps: Record<string, string> }[]} members
 */
export function packDataHead(members) {
  const table = Buffer.from(
    JSON.stringify(Object.fromEntries(members.map(({ rel, start, end, deps }) => [rel, [deps, start, end]]))),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(table.length, 0);
  return Buffer.concat([length, table]);
}

/**
 * @param {{ exportNames: string[], buildStamp: number | null, name: string, id: string,
 *   dataFile: string }} pack
 */
export function packRuntime({ exportNames, buildStamp, name, id, dataFile }) {
  // Named exports spelled out so that Node's ESM loader (cjs-module-lexer) finds them; never run.
  const names = exportNames.map((n) => `exports.${n} = `).join('');
  return `'use strict';
// Generated by scripts/build/startupPack.mjs from this folder's compiled files; do not edit.
// It loads the same modules as ./index.js, without a file read per module.
if (0) { Object.defineProperty(exports, '__esModule', { value: true }); ${names}void 0; }
// A dev build newer than this pack (tsc ran without the pack step) loads the files themselves.
// A published package has no .tsbuildinfo: never stale.
const built = ${JSON.stringify(buildStamp)} === null ? undefined : require('node:fs').statSync(
  require('node:path').join(__dirname, '.tsbuildinfo'), { throwIfNoEntry: false });
const stale = built !== undefined && built.mtimeMs !== ${JSON.stringify(buildStamp)};
const PACK_NAME = ${JSON.stringify(name)};
const PACK_ID = ${JSON.stringify(id)};
const DATA_FILE = ${JSON.stringify(dataFile)};
${LOADER}
if (stale) module.exports = require('./index.js');
else module.exports = load('index.js', module);
`;
}
