'use strict';
// Fault injection, preloaded with NODE_OPTIONS=--require <this file>. Counts every completed
// file-system mutation inside EDICT_FAULT_DIR made through the `fs` module object (sync, callback
// and fs.promises variants, so pacote, arborist, tar, fs-minipass and graceful-fs are seen too),
// and SIGKILLs the process right after mutation EDICT_FAULT_KILL_AT completes: before its
// callback runs, its promise settles or its sync call returns. EDICT_FAULT_COUNT_FILE holds
// "<count> <last mutation>" afterwards; EDICT_FAULT_LOG, when set, gets one such line per mutation. Only the
// first process counts (child processes inherit
// NODE_OPTIONS and EDICT_FAULT_ROOT_PID). Calls Node makes through the `fs` object inside another
// call (writeFile's open/write/close, rm's unlinks, a write stream's writes) count on their own:
// each is a state a crash can leave. Failed calls change nothing and do not count.
// Ops already handed to the thread pool may also land before the kill takes effect.
const fs = require('node:fs');
const path = require('node:path');
const { fileURLToPath } = require('node:url');

if (!process.env.EDICT_FAULT_ROOT_PID) process.env.EDICT_FAULT_ROOT_PID = String(process.pid);
const faultDir = process.env.EDICT_FAULT_DIR ? path.resolve(process.env.EDICT_FAULT_DIR) : undefined;
if (faultDir && process.env.EDICT_FAULT_ROOT_PID === String(process.pid)) install(faultDir);

function install(dir) {
  const killAt = Number(process.env.EDICT_FAULT_KILL_AT) || 0;
  const countFile = process.env.EDICT_FAULT_COUNT_FILE;
  const logFile = process.env.EDICT_FAULT_LOG;
  const writeCount = fs.writeFileSync;
  const appendLog = fs.appendFileSync;
  const { O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND } = fs.constants;
  /** fd → path of files opened for writing inside the folder. */
  const writable = new Map();
  let count = 0;

  const toPath = (p) =>
    p instanceof URL
      ? fileURLToPath(p)
      : Buffer.isBuffer(p)
        ? p.toString()
        : typeof p === 'string'
          ? p
          : undefined;
  const inside = (p) => {
    const s = toPath(p);
    if (s === undefined) return false;
    const abs = path.resolve(s);
    return abs === dir || abs.startsWith(dir + path.sep);
  };
  const rel = (p) => path.relative(dir, path.resolve(toPath(p))) || '.';
  const opensForWrite = (flags) =>
    typeof flags === 'number'
      ? (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND)) !== 0
      : /[wa+]/.test(String(flags ?? 'r'));

  function bump(label) {
    count += 1;
    if (countFile) writeCount(countFile, `${count} ${label}\n`);
    if (logFile) appendLog(logFile, `${count} ${label}\n`);
    if (count === killAt) {
      process.kill(process.pid, 'SIGKILL');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10000);
    }
  }

  // How each patched function finds out whether (and as what) a call counts. `args` are the
  // call's arguments, `result` its outcome; undefined = not counted.
  const onPath = (name) => (args) => (inside(args[0]) ? `${name} ${rel(args[0])}` : undefined);
  const shown = (p) => (inside(p) ? rel(p) : toPath(p));
  const onTwo = (name) => (args) =>
    inside(args[0]) || inside(args[1]) ? `${name} ${shown(args[0])} → ${shown(args[1])}` : undefined;
  const onFd = (name) => (args) =>
    typeof args[0] === 'number' && writable.has(args[0]) ? `${name} ${writable.get(args[0])}` : undefined;
  const onPathOrFd = (name) => (args) =>
    typeof args[0] === 'number' ? onFd(name)(args) : onPath(name)(args);
  const rules = {
    writeFile: onPathOrFd('writeFile'),
    appendFile: onPathOrFd('appendFile'),
    truncate: onPathOrFd('truncate'),
    mkdir: (args, result) => {
      // a recursive mkdir of folders that all exist returns undefined and changes nothing
      const recursive = typeof args[1] === 'object' && args[1] !== null && args[1].recursive;
      return recursive && result === undefined ? undefined : onPath('mkdir')(args);
    },
    mkdtemp: (args, result) => (inside(result) ? `mkdtemp ${rel(result)}` : undefined),
    rename: onTwo('rename'),
    rm: onPath('rm'),
    rmdir: onPath('rmdir'),
    unlink: onPath('unlink'),
    symlink: onTwo('symlink'),
    link: onTwo('link'),
    copyFile: onTwo('copyFile'),
    cp: onTwo('cp'),
    chmod: onPath('chmod'),
    lchmod: onPath('lchmod'),
    chown: onPath('chown'),
    lchown: onPath('lchown'),
    utimes: onPath('utimes'),
    lutimes: onPath('lutimes'),
    open: (args, fd) => {
      writable.delete(fd);
      if (!inside(args[0]) || !opensForWrite(args[1])) return undefined;
      writable.set(fd, rel(args[0]));
      return `open ${rel(args[0])} ${args[1]}`;
    },
    write: onFd('write'),
    writev: onFd('writev'),
    ftruncate: onFd('ftruncate'),
    fsync: onFd('fsync'),
    fdatasync: onFd('fdatasync'),
    fchmod: onFd('fchmod'),
    fchown: onFd('fchown'),
    futimes: onFd('futimes'),
    close: (args) => {
      const label = onFd('close')(args);
      writable.delete(args[0]);
      return label;
    },
  };

  const keepProps = (wrapper, original) => {
    for (const key of Reflect.ownKeys(original)) {
      if (!['length', 'name', 'prototype'].includes(key))
        Object.defineProperty(wrapper, key, Object.getOwnPropertyDescriptor(original, key));
    }
    return wrapper;
  };
  const wrapSync = (original, rule) =>
    keepProps(function (...args) {
      const result = original.apply(this, args);
      const label = rule(args, result);
      if (label) bump(label);
      return result;
    }, original);
  const wrapCallback = (original, rule) =>
    keepProps(function (...args) {
      const cb = args.length > 0 && typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
      if (!cb) return original.apply(this, args);
      return original.call(this, ...args, (err, ...rest) => {
        if (!err) {
          const label = rule(args, rest[0]);
          if (label) bump(label);
        }
        cb(err, ...rest);
      });
    }, original);
  const wrapPromise = (original, rule, onHandle) =>
    keepProps(async function (...args) {
      const result = await original.apply(this, args);
      if (onHandle) onHandle(args, result);
      else {
        const label = rule(args, result);
        if (label) bump(label);
      }
      return result;
    }, original);

  for (const [name, rule] of Object.entries(rules)) {
    if (typeof fs[name] === 'function') fs[name] = wrapCallback(fs[name], rule);
    if (typeof fs[`${name}Sync`] === 'function') fs[`${name}Sync`] = wrapSync(fs[`${name}Sync`], rule);
  }

  // fs.promises: path-based calls as above; a FileHandle opened for writing inside the folder
  // counts its open and every mutating method.
  const handles = new WeakMap();
  let handleProtoPatched = false;
  const patchHandleProto = (proto) => {
    handleProtoPatched = true;
    for (const method of [
      'write',
      'writev',
      'writeFile',
      'appendFile',
      'truncate',
      'sync',
      'datasync',
      'chmod',
      'chown',
      'utimes',
    ]) {
      const original = proto[method];
      if (typeof original !== 'function') continue;
      proto[method] = keepProps(async function (...args) {
        const result = await original.apply(this, args);
        const where = handles.get(this);
        if (where !== undefined) bump(`filehandle.${method} ${where}`);
        return result;
      }, original);
    }
  };
  const promises = fs.promises;
  for (const [name, rule] of Object.entries(rules)) {
    if (typeof promises[name] !== 'function') continue;
    if (name === 'open') {
      promises.open = wrapPromise(promises.open, rule, (args, handle) => {
        if (!inside(args[0]) || !opensForWrite(args[1])) return;
        if (!handleProtoPatched) patchHandleProto(Object.getPrototypeOf(handle));
        handles.set(handle, rel(args[0]));
        // close is an own property of each FileHandle, not a prototype method
        const close = handle.close;
        handle.close = async function (...closeArgs) {
          const result = await close.apply(this, closeArgs);
          if (handles.delete(handle)) bump(`filehandle.close ${rel(args[0])}`);
          return result;
        };
        bump(`filehandle.open ${rel(args[0])} ${args[1]}`);
      });
    } else if (
      ![
        'write',
        'writev',
        'ftruncate',
        'fsync',
        'fdatasync',
        'fchmod',
        'fchown',
        'futimes',
        'close',
      ].includes(name)
    ) {
      promises[name] = wrapPromise(promises[name], rule);
    }
  }

  // A write stream's own open, writes and close go through fs.open/write/close above. Should a
  // Node version bypass them, the stream counts once opened and once finished instead.
  const createWriteStream = fs.createWriteStream;
  fs.createWriteStream = keepProps(function (...args) {
    const stream = createWriteStream.apply(this, args);
    if (inside(args[0])) {
      stream.prependListener('open', (fd) => {
        if (writable.has(fd)) return;
        bump(`createWriteStream.open ${rel(args[0])}`);
        stream.prependListener('finish', () => bump(`createWriteStream.finish ${rel(args[0])}`));
      });
    }
    return stream;
  }, createWriteStream);
}
