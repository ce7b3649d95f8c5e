'use strict';
// Loaded with `node --require`: on exit, writes how many CommonJS modules the process loaded
// (this file not counted) to $EDICT_BENCH_MODULES_FILE. A count is exact where timings are noisy.
const { writeFileSync } = require('node:fs');

const file = process.env.EDICT_BENCH_MODULES_FILE;
if (file) {
  delete process.env.EDICT_BENCH_MODULES_FILE;
  process.on('exit', () =>
    writeFileSync(file, `${Object.keys(require.cache).filter((k) => k !== __filename).length}\n`),
  );
}
