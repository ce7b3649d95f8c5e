import { cpSync, existsSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CliRun, Sandbox } from '../cliSandbox';

/** The preload that counts the CLI's mutations of a folder and kills it after the Nth. */
export const KILL_AT_MUTATION = resolve(__dirname, 'killAtMutation.cjs');

/** The state one run of the operation left. */
export interface KillPoint {
  /** The mutation after which the CLI was killed; 0 for the run that was not killed. */
  killAt: number;
  /** False when the run finished with fewer mutations than `killAt` (it was not killed). */
  killed: boolean;
  /** The last mutation the run completed, e.g. `rename .staging/x → installed/y`. */
  last: string;
  run: CliRun;
  sandbox: Sandbox;
}

export interface KillEveryMutationOptions {
  /** A new sandbox whose plugins folder holds the before-state; called once per worker. */
  prepare: () => Promise<Sandbox>;
  /** Runs once every worker is prepared, before the operation first runs (e.g. publish the update). */
  afterPrepare?: () => Promise<void>;
  /** The CLI arguments of the operation. */
  op: readonly string[];
  /** The problems of the state a kill point left (none when it is fine). */
  check: (point: KillPoint) => Promise<string[]>;
  /** Kill points run at the same time (default 2). */
  workers?: number;
}

export interface KillEveryMutationResult {
  /** Mutations of the plugins folder the unkilled operation made. */
  mutations: number;
  /** Those mutations in order, as the unkilled run made them. */
  log: string[];
  /** Every problem found, as `after mutation N (<last mutation>): <problem>`, by N. */
  failures: string[];
  /** Kill points at which the run made fewer mutations and finished. */
  notKilled: number[];
  ms: number;
}

interface Worker {
  sandbox: Sandbox;
  pristine: string;
}

const faultFiles = (s: Sandbox) => ({ count: join(s.root, 'fault-count'), log: join(s.root, 'fault-log') });

/**
 * Keeps a copy of the sandbox's plugins folder to restore before each run. The record's mtime is
 * set to a whole second first (a copy keeps only milliseconds, and the index is stamped with the
 * record's mtime), and one CLI start brings the index up to date with it.
 */
async function snapshot(sandbox: Sandbox): Promise<Worker> {
  const record = join(sandbox.pluginsDir, 'plugins.json');
  if (existsSync(record)) {
    const second = Math.floor(statSync(record).mtimeMs / 1000);
    utimesSync(record, second, second);
    const help = await sandbox.run(['--help']);
    if (help.status !== 0) throw new Error(`mycli --help fails in the prepared sandbox:\n${help.stderr}`);
  }
  const pristine = join(sandbox.root, 'pristine-plugins');
  cpSync(sandbox.pluginsDir, pristine, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
  return { sandbox, pristine };
}

function restore(w: Worker): void {
  rmSync(w.sandbox.pluginsDir, { recursive: true, force: true });
  cpSync(w.pristine, w.sandbox.pluginsDir, {
    recursive: true,
    preserveTimestamps: true,
    verbatimSymlinks: true,
  });
}

function lastMutation(s: Sandbox): { count: number; label: string } {
  let text = '';
  try {
    text = readFileSync(faultFiles(s).count, 'utf8').trim();
  } catch {
    // no mutation counted
  }
  const space = text.indexOf(' ');
  return space < 0
    ? { count: 0, label: 'none' }
    : { count: Number(text.slice(0, space)), label: text.slice(space + 1) };
}

/**
 * Runs `args` with the preload: counting the plugins folder's mutations, killed after `killAt` (0: never).
 */
async function runCounted(
  s: Sandbox,
  args: readonly string[],
  killAt: number,
  log = false,
): Promise<{ run: CliRun; count: number; label: string }> {
  const files = faultFiles(s);
  rmSync(files.count, { force: true });
  rmSync(files.log, { force: true });
  const env: Record<string, string> = {
    NODE_OPTIONS: `--require ${KILL_AT_MUTATION}`,
    EDICT_FAULT_DIR: s.pluginsDir,
    EDICT_FAULT_KILL_AT: String(killAt),
    EDICT_FAULT_COUNT_FILE: files.count,
    ...(log ? { EDICT_FAULT_LOG: files.log } : {}),
  };
  const run = await s.run(args, { env });
  return { run, ...lastMutation(s) };
}

/**
 * Runs `op` once unkilled to count its mutations M of the plugins folder, then for every N in
 * 1..M restores the before-state, runs `op` killed right after mutation N, and checks the state
 * it left. Every problem of every kill point is collected, none stops the run.
 */
export async function killAtEveryMutation(opts: KillEveryMutationOptions): Promise<KillEveryMutationResult> {
  const started = Date.now();
  const workers = await Promise.all(
    Array.from({ length: opts.workers ?? 2 }, async () => snapshot(await opts.prepare())),
  );
  await opts.afterPrepare?.();
  const first = workers[0]!;
  restore(first);
  const startup = await runCounted(first.sandbox, ['--help'], 0);
  if (startup.count !== 0)
    throw new Error(
      `a CLI start in the restored before-state changes the plugins folder (${startup.label}` +
        `): the copy is not faithful`,
    );
  const unkilled = await runCounted(first.sandbox, opts.op, 0, true);
  if (unkilled.run.status !== 0)
    throw new Error(
      `mycli ${opts.op.join(' ')} fails unkilled (exit ${unkilled.run.status}):\n${unkilled.run.stderr}`,
    );
  const log = readFileSync(faultFiles(first.sandbox).log, 'utf8').trim().split('\n');
  const failures: { n: number; line: string }[] = [];
  const notKilled: number[] = [];
  const checkPoint = async (point: KillPoint): Promise<void> => {
    for (const problem of await opts.check(point)) {
      failures.push({
        n: point.killAt,
        line:
          point.killAt === 0
            ? `not killed: ${problem}`
            : `after mutation ${point.killAt} (${point.last}): ${problem}`,
      });
    }
  };
  await checkPoint({
    killAt: 0,
    killed: false,
    last: unkilled.label,
    run: unkilled.run,
    sandbox: first.sandbox,
  });

  let next = 1;
  await Promise.all(
    workers.map(async (w) => {
      for (let n = next++; n <= unkilled.count; n = next++) {
        restore(w);
        const r = await runCounted(w.sandbox, opts.op, n);
        const killed = r.run.status === null && r.count === n;
        if (!killed) notKilled.push(n);
        await checkPoint({ killAt: n, killed, last: r.label, run: r.run, sandbox: w.sandbox });
      }
    }),
  );
  failures.sort((a, b) => a.n - b.n);
  return {
    mutations: unkilled.count,
    log,
    failures: failures.map((f) => f.line),
    notKilled: notKilled.sort((a, b) => a - b),
    ms: Date.now() - started,
  };
}
