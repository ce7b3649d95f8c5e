#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS bin file */
'use strict';
// Only the CLI definition and core's entry are loaded here; everything else loads on demand.
const { runMain } = require('@edict/core');
const { cli } = require('../lib/main.js');

runMain(cli);
