#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS bin file */
'use strict';
// `mycli --version` is answered from package.json alone; any other run loads the CLI definition,
// and everything else loads on demand.
const { runMain } = require('@edict/core');
const { version } = require('../package.json');

runMain({ name: 'mycli', version, load: () => require('../lib/main.js').cli });
