#!/usr/bin/env node
'use strict';
// Only the CLI definition and the framework's entry load here; handlers load when their command runs.
const { runMain } = require('@edict/core');
const { cli } = require('../lib/main.js');

runMain(cli);
