#!/usr/bin/env node
// Prints the top frames by self time and the files by inclusive time of .cpuprofile files
// (`node --cpu-prof …`); several files (one per run) are summed and shown per run.
// Usage: node scripts/bench/cpuprofile-top.mjs <file.cpuprofile>... [--top 25]
import { parseArgs } from 'node:util';
import { summarizeProfiles } from './cpuprofile.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' } },
});
if (positionals.length < 1) {
  console.error('Usage: node scripts/bench/cpuprofile-top.mjs <file.cpuprofile>... [--top 25]');
  process.exit(2);
}
console.log(summarizeProfiles(positionals, Number.parseInt(values.top, 10)));
