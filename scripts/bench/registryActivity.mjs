// What the registry did during one timed run, from its access log (`requests()` of
// @edict/testing's registry, stamped by the registry's own clock): how many requests, how long
// after the start the first one came, how long the run went on after the last answer, and how
// long the registry sat idle in between. On a registry that handles one request at a time, that
// idle time is what a tool adds to the registry's own work.
import { median } from './measure.mjs';

/**
 * @param {{ receivedAt: number, answeredAt: number }[]} log the requests whose receipt falls in the run
 * @param {number} start wall-clock ms of the run's start
 * @param {number} end wall-clock ms of the run's end
 */
export function registryActivity(log, start, end) {
  if (log.length === 0) return { requests: 0, firstMs: null, afterLastMs: null, idleMs: null };
  const spans = log
    .map((r) => [r.receivedAt, Math.max(r.answeredAt, r.receivedAt)])
    .sort((a, b) => a[0] - b[0]);
  let busy = 0;
  let reach = spans[0][0];
  for (const [from, to] of spans) {
    if (to > reach) {
      busy += to - Math.max(from, reach);
      reach = to;
    }
  }
  const first = spans[0][0];
  return {
    requests: log.length,
    firstMs: first - start,
    afterLastMs: end - reach,
    idleMs: reach - first - busy,
  };
}

/** Medians of each field over the runs of one operation (null where no run made a request). */
export function summarizeActivity(runs) {
  const field = (k) => {
    const values = runs.map((r) => r[k]).filter((v) => v !== null);
    return values.length ? median(values) : null;
  };
  return {
    requests: field('requests'),
    firstMs: field('firstMs'),
    afterLastMs: field('afterLastMs'),
    idleMs: field('idleMs'),
  };
}
