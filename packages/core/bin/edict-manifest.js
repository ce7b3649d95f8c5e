#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS bin file */
'use strict';
const { manifestMain } = require('../lib/manifest/main.js');

manifestMain(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`Error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 1;
  },
);
