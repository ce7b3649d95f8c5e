// The benchmark's report: facts about the machine and Markdown tables (printed, and pasted as is
// into docs/performance.md).
import { cpus, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { BARE } from './startup.mjs';

export function machineFacts() {
  let npm = 'unknown';
  try {
    npm = execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['--version'], {
      encoding: 'utf8',
      shell: process.platform === 'win32',
    }).trim();
  } catch {
    // npm missing: the install suite will say so
  }
  return {
    date: new Date().toISOString(),
    node: process.version,
    npm,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  };
}

const ms = (v) => v.toFixed(1);
const whole = (v) => v.toFixed(0);
const table = (head, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

function startupTable(startup) {
  const bareT = startup.time[BARE].median;
  const bareR = startup.rss[BARE].median;
  const rows = startup.commands.map((label) => {
    const t = startup.time[label];
    const r = startup.rss[label];
    const mods = startup.modules?.[label] ?? '';
    return [
      label,
      ms(t.median),
      `${(t.median / bareT).toFixed(2)}x`,
      `${ms(t.p25)}–${ms(t.p75)}`,
      (r.median / 1024).toFixed(1),
      `${(r.median / bareR).toFixed(2)}x`,
      mods,
    ];
  });
  return table(
    [
      'command @ plugins installed',
      'median ms',
      'x bare',
      'p25–p75 ms',
      'peak RSS MiB',
      'RSS x bare',
      'modules',
    ],
    rows,
  );
}

/** Says which settings the startup suite left out, and what they cost here. */
function startupNote(startup) {
  const noisy = startup.commands.filter((l) => l.startsWith(`${BARE} with `));
  if (noisy.length === 0) return '';
  const bareT = startup.time[BARE].median;
  const parts = noisy.map((l) => {
    const name = l.slice(`${BARE} with `.length).replace(/ set$/, '');
    const cost = ms(startup.time[l].median - bareT);
    return `${name}, which is set in this environment and adds ${cost} ms to every Node start here`;
  });
  return `Measured without ${parts.join('; without ')} (its row shows bare Node with it).\n\n`;
}

function installTable(install) {
  const orDash = (v, f) => (v === null || v === undefined ? '–' : f(v));
  const rows = install.commands.map((label) => {
    const t = install.time[label];
    const a = install.registry?.[label] ?? {};
    return [
      label,
      ms(t.median),
      ms(t.min),
      `${ms(t.p25)}–${ms(t.p75)}`,
      orDash(a.requests, String),
      orDash(a.firstMs, whole),
      orDash(a.idleMs, whole),
      orDash(a.afterLastMs, whole),
    ];
  });
  return table(
    [
      'operation',
      'median ms',
      'min ms',
      'p25–p75 ms',
      'requests',
      'first request ms',
      'registry idle ms',
      'after last answer ms',
    ],
    rows,
  );
}

export function targetsTable(targets) {
  return table(
    ['target', 'limit', 'measured', '', 'detail'],
    targets.map((t) => [
      t.name,
      `≤ ${t.limit.toFixed(2)}x`,
      `${t.value.toFixed(2)}x`,
      t.pass ? 'PASS' : 'MISS',
      t.detail,
    ]),
  );
}

/** The whole report as Markdown. */
function setupLine(s) {
  const ms = (s.installMs / 1000).toFixed(1);
  const kib = (s.indexBytes / 1024).toFixed(0);
  return `${s.n} plugins installed in one \`plugins install\` call in ${ms} s (index.json ${kib} KiB)`;
}

export function renderReport(results) {
  const m = results.machine;
  const parts = [
    `Machine: ${m.cpus} CPUs (${m.cpuModel}` +
      `), ${m.memoryGiB} GiB, ${m.platform}` +
      `, Node ${m.node}, npm ${m.npm}` +
      `; ${m.date}; ${results.options.quick ? 'quick run' : 'full run'}` +
      `, peak RSS by ${results.rssMethod}.`,
  ];
  const installed = results.setup.filter((s) => s.n > 0);
  if (installed.length) {
    parts.push(`Setup: ${installed.map(setupLine).join('; ')}.`);
  }
  if (results.startup)
    parts.push(
      `### Startup (${results.options.runs} runs each, interleaved)\n\n${startupNote(results.startup)}` +
        startupTable(results.startup),
    );
  if (results.install)
    parts.push(
      `### Install (${results.options.installRuns} runs each, interleaved; ${results.install.packages}` +
        ` packages in the tree)\n\n${installTable(results.install)}`,
    );
  if (results.installLegacy) {
    parts.push(
      `### Install on a request-bound registry (legacy tokens: verdaccio ` +
        `checks a bcrypt password on every request, one at a time)\n\n${installTable(results.installLegacy)}`,
    );
  }
  if (results.installLatency) {
    parts.push(
      `### Install on a registry ${results.installLatency.delayMs} ms away ` +
        `(a loopback proxy answers each request that much later)\n\n${installTable(results.installLatency)}`,
    );
  }
  parts.push(`### Targets\n\n${targetsTable(results.targets)}`);
  return `${parts.join('\n\n')}\n`;
}
