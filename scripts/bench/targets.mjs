// The performance targets, evaluated from one run's results (ratios measured in that run).
import { BARE } from './startup.mjs';

const at = (label, n) => `${label} @${n}`;

/** Each target: { name, limit, value, detail, pass }. A target whose inputs were not measured is skipped. */
export function evaluateTargets(results) {
  const { startup, install, installLegacy, installLatency } = results;
  const ns = results.plugins;
  const maxN = Math.max(...ns);
  const t = (label) => startup?.time[label]?.median;
  const rss = (label) => startup?.rss[label]?.median;
  const bare = t(BARE);
  const targets = [];
  const add = (name, limit, value, detail) => {
    if (value === undefined || Number.isNaN(value)) return;
    targets.push({ name, limit, value, detail, pass: value <= limit });
  };
  if (startup) {
    const versions = ns.map((n) => ({ n, r: t(at('--version', n)) / bare }));
    const worst = versions.reduce((a, b) => (b.r > a.r ? b : a));
    add('mycli --version vs bare node', 1.3, worst.r, `worst over N=${ns.join(',')} (at N=${worst.n})`);
    if (maxN > 0) {
      const cmd = t(at('plugin command', maxN)) / bare;
      const help = t(at('plugin group --help', maxN)) / bare;
      add(
        `plugin command with ${maxN} plugins vs bare node`,
        1.6,
        Math.max(cmd, help),
        `command ${cmd.toFixed(2)}x, group --help ${help.toFixed(2)}x`,
      );
      const growth = ['--version', 'builtin: greet Ada'].map((l) => ({ l, g: t(at(l, maxN)) / t(at(l, 0)) }));
      const worstGrowth = growth.reduce((a, b) => (b.g > a.g ? b : a));
      add(
        `startup with ${maxN} plugins vs 0`,
        1.1,
        worstGrowth.g,
        growth.map((g) => `${g.l} ${g.g.toFixed(3)}x`).join(', '),
      );
      add(
        `peak RSS of a plugin command with ${maxN} plugins vs bare node`,
        1.4,
        rss(at('plugin command', maxN)) / rss(BARE),
        `${(rss(at('plugin command', maxN)) / 1024).toFixed(1)} MiB vs ${(rss(BARE) / 1024).toFixed(1)} MiB`,
      );
    }
  }
  for (const [suite, where] of [
    [install, ''],
    [installLegacy, ', request-bound registry'],
    [installLatency, `, registry ${installLatency?.delayMs} ms away`],
  ]) {
    if (!suite) continue;
    for (const cache of ['cold', 'warm']) {
      const p = suite.time[`plugins install (${cache} cache)`].median;
      const n = suite.time[`npm install (${cache} cache)`].median;
      add(
        `plugins install vs npm install, ${cache} cache${where}`,
        1.0,
        p / n,
        `${p.toFixed(0)} ms vs ${n.toFixed(0)} ms`,
      );
    }
  }
  return targets;
}
