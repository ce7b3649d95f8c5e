// `--profile`: CPU profiles of the startup commands at the largest plugin count, several runs
// each at a 100 µs sampling interval, summarized into .bench/profiles/<command>.txt.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarizeProfiles } from './cpuprofile.mjs';
import { runChecked } from './run.mjs';

const slug = (label) => label.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');

/** Profiles each `node` command `runs` times; returns { label: summary file }. */
export function profileCommands(commands, { dir, runs = 8, log }) {
  const written = {};
  for (const cmd of commands) {
    const raw = join(dir, 'raw', slug(cmd.label));
    rmSync(raw, { recursive: true, force: true });
    mkdirSync(raw, { recursive: true });
    const [, ...rest] = cmd.argv;
    for (let i = 0; i < runs; i++)
      runChecked({
        ...cmd,
        argv: ['node', '--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir', raw, ...rest],
      });
    const files = readdirSync(raw).map((f) => join(raw, f));
    const out = join(dir, `${slug(cmd.label)}.txt`);
    writeFileSync(out, `${cmd.label}\n${summarizeProfiles(files, 30)}\n`);
    written[cmd.label] = out;
    log(`profile of ${cmd.label}: ${out}`);
  }
  return written;
}
