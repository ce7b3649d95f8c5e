'use strict';
// Fallback peak-RSS probe where /usr/bin/time is missing: loaded with `node --require`, it writes
// the process's own peak RSS (KiB) to $EDICT_BENCH_RSS_FILE on exit. Loading it costs a little
// memory itself, so the numbers are slightly higher than GNU time's.
const { writeFileSync } = require('node:fs');

const file = process.env.EDICT_BENCH_RSS_FILE;
if (file) {
  delete process.env.EDICT_BENCH_RSS_FILE;
  process.on('exit', () => writeFileSync(file, `${process.resourceUsage().maxRSS}\n`));
}
