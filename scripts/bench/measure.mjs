// Interleaved measurement: every round runs each command once, in order, so slow drift of the
// machine (other processes, thermal state) hits all commands alike and ratios stay fair.
import { rssOnce, timeOnce } from './run.mjs';

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function quantile(values, q) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
}

/** Median, min and the inter-quartile range of samples. */
export function summarize(samples) {
  return {
    median: median(samples),
    min: Math.min(...samples),
    p25: quantile(samples, 0.25),
    p75: quantile(samples, 0.75),
    samples,
  };
}

/**
 * Runs `warmup` unrecorded rounds, then `runs` recorded rounds of every command, with `probe`
 * (timeOnce, rssOnce or any function of a command) and returns each command's summary by label.
 * @param {import('./run.mjs').Cmd[]} commands
 */
export function interleave(commands, { runs, warmup = 1, probe = timeOnce, onRound }) {
  const samples = new Map(commands.map((c) => [c.label, []]));
  for (let round = -warmup; round < runs; round++) {
    for (const cmd of commands) {
      const value = probe(cmd);
      if (round >= 0) samples.get(cmd.label).push(value);
    }
    onRound?.(round);
  }
  return Object.fromEntries([...samples].map(([label, s]) => [label, summarize(s)]));
}

/** Wall-clock time (ms) of each command, interleaved. */
export const timeAll = (commands, options) => interleave(commands, { ...options, probe: timeOnce });

/** Peak RSS (KiB) of each command, interleaved. */
export const rssAll = (commands, options) => interleave(commands, { ...options, probe: rssOnce });
