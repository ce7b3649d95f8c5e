import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The benchmark (scripts/bench.mjs) is not part of the tests; this only checks that it still
// runs end to end against the current packages, with one plugin and one round. No timing is
// asserted, only what the run found and reported.

const root = join(__dirname, '..', '..', '..');
let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'edict-bench-smoke-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

interface BenchResults {
  setup: { n: number; indexBytes: number }[];
  startup: {
    commands: string[];
    time: Record<string, { median: number }>;
    rss: Record<string, { median: number }>;
    modules: Record<string, number>;
  };
  targets: { name: string; value: number; pass: boolean }[];
}

test(
  'the startup suite installs a synthetic plugin through the plugin ' +
    'manager and reports every startup target',
  () => {
    const out = join(work, 'results.json');
    const r = spawnSync(
      process.execPath,
      [
        join(root, 'scripts/bench.mjs'),
        '--plugins',
        '0,1',
        '--runs',
        '1',
        '--rss-runs',
        '1',
        '--skip-install',
        '--out',
        out,
      ],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(r.stderr).toContain('done in');
    expect(r.status).toBe(0);
    const results = JSON.parse(readFileSync(out, 'utf8')) as BenchResults;
    expect(results.setup.find((s) => s.n === 1)?.indexBytes).toBeGreaterThan(0);
    expect(results.startup.commands).toEqual(
      expect.arrayContaining([
        'bare node -e 0',
        '--version @0',
        'plugin command @1',
        'plugin group --help @1',
      ]),
    );
    for (const label of results.startup.commands) {
      expect(results.startup.time[label]!.median).toBeGreaterThan(0);
      expect(results.startup.rss[label]!.median).toBeGreaterThan(0);
    }
    // running a plugin's command loads the module loader and the handler; --version loads neither
    expect(results.startup.modules['plugin command @1']).toBeGreaterThan(
      results.startup.modules['--version @1']!,
    );
    expect(results.targets.map((t) => t.name)).toEqual([
      'mycli --version vs bare node',
      'plugin command with 1 plugins vs bare node',
      'startup with 1 plugins vs 0',
      'peak RSS of a plugin command with 1 plugins vs bare node',
    ]);
    expect(r.stdout).toContain('### Targets');
    expect(r.stdout).toMatch(/\| (PASS|MISS) \|/);
  },
);

interface InstallSuite {
  packages: number;
  commands: string[];
  time: Record<string, { median: number }>;
  registry: Record<string, { requests: number | null; idleMs: number | null }>;
}

interface InstallResults {
  install: InstallSuite;
  installLatency: InstallSuite & { delayMs: number };
  targets: { name: string }[];
}

test(
  'the install suite builds the same tree as npm from the same ' +
    'requests, near and behind a delaying proxy, and reports what ' +
    'the registry did',
  () => {
    const out = join(work, 'results.json');
    const args = ['--skip-startup', '--install-runs', '1', '--skip-legacy', '--latency', '20', '--out', out];
    const r = spawnSync(process.execPath, [join(root, 'scripts/bench.mjs'), ...args], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.stderr).toContain('done in');
    expect(r.status).toBe(0);
    const { install, installLatency, targets } = JSON.parse(readFileSync(out, 'utf8')) as InstallResults;
    expect(installLatency.delayMs).toBe(20);
    for (const suite of [install, installLatency]) {
      expect(suite.packages).toBe(31);
      for (const label of suite.commands) expect(suite.time[label]!.median).toBeGreaterThan(0);
      const asked = (label: string) => suite.registry[label]!.requests;
      // cold: each package's document and tarball; warm: the documents only
      expect([asked('plugins install (cold cache)'), asked('npm install (cold cache)')]).toEqual([62, 62]);
      expect([asked('plugins install (warm cache)'), asked('npm install (warm cache)')]).toEqual([31, 31]);
      // an update with nothing to do reads the plugin's own document and nothing else
      expect(asked('plugins update (nothing to update)')).toBe(1);
      expect(suite.registry['plugins install (warm cache)']!.idleMs).toBeGreaterThanOrEqual(0);
    }
    expect(targets.map((t) => t.name)).toEqual([
      'plugins install vs npm install, cold cache',
      'plugins install vs npm install, warm cache',
      'plugins install vs npm install, cold cache, registry 20 ms away',
      'plugins install vs npm install, warm cache, registry 20 ms away',
    ]);
    expect(r.stdout).toContain('| registry idle ms |');
    expect(r.stdout).toContain('### Install on a registry 20 ms away');
  },
);
