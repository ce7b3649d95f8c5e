// Summaries of V8 .cpuprofile files (from `node --cpu-prof`): the top frames by self time, and the
// inclusive time (self + callees) per file, which shows whose module loading costs most. Several
// profiles (one per run) are summed and shown per run, to average out noise.
import { readFileSync } from 'node:fs';

const short = (url) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/.*\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, 'nm:')
    .replace(/.*\/packages\//, 'packages/')
    .replace(/.*\/plugins\/installed\/[^/]+\/node_modules\//, 'plugin:');
const frameName = (cf) =>
  `${cf.functionName || '(anonymous)'} ${cf.url ? `${short(cf.url)}:${cf.lineNumber + 1}` : ''}`.trim();

/** Adds one profile's samples to the self-time and per-file maps; returns the sampled µs. */
function addProfile(file, bySelf, byFile) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // timeDeltas[i] is the time before sample i
  const selfUs = new Map();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  let total = 0;
  for (const [id, us] of selfUs) {
    total += us;
    const key = frameName(nodes.get(id).callFrame);
    bySelf.set(key, (bySelf.get(key) ?? 0) + us);
    // each sample counts once for every distinct file on its stack
    const files = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const url = nodes.get(n).callFrame.url;
      if (url && !url.startsWith('node:')) files.add(short(url));
    }
    for (const f of files) byFile.set(f, (byFile.get(f) ?? 0) + us);
  }
  return total;
}

/** A text summary of `files`: `top` frames by self time and `top` files by inclusive time. */
export function summarizeProfiles(files, top = 20) {
  const bySelf = new Map();
  const byFile = new Map();
  let totalUs = 0;
  for (const file of files) totalUs += addProfile(file, bySelf, byFile);
  const runs = files.length;
  const lines = [
    `${runs} profile(s): ${(totalUs / 1000 / runs).toFixed(1)} ms sampled per run (times below are per run)`,
  ];
  const section = (title, map) => {
    lines.push('', title);
    for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      lines.push(
        `${(us / 1000 / runs).toFixed(1).padStart(8)} ms ${((us / totalUs) * 100).toFixed(1).padStart(5)}` +
          `%  ${k}`,
      );
    }
  };
  section('Top frames by self time:', bySelf);
  section('Files by inclusive time (self + callees):', byFile);
  return lines.join('\n');
}
