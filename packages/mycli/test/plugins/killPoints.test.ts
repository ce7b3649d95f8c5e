import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { startRegistry, type TestRegistry } from '../../../testing/src';
import { makeSandbox, type Sandbox } from '../helpers/cliSandbox';
import { writeLibrary, writePlugin } from '../helpers/fixturePlugin';
import { killAtEveryMutation, type KillPoint } from '../helpers/faults/killEveryMutation';

// Every change to the plugins folder has one commit point: the built mycli is SIGKILLed right
// after each of its file-system mutations (see helpers/faults), and whatever instant it died at,
// the folder must be in the before- or the after-state, and the next operation must succeed.

/** The only top-level entries a plugins folder keeps between operations. */
const ALLOWED_TOP_LEVEL = ['index.json', 'installed', 'plugins.json'];

const A = 'mycli-plugin-kpa';
const B = 'mycli-plugin-kpb';
/** A small registry dependency of A, so arborist extracts more than one package. */
const DEP = 'mycli-kp-dep';

type Versions = Record<string, string>;
interface RecordEntry {
  version: string;
  location: string;
  source: string;
}

let registry: TestRegistry;
let work: string;
const sandboxes: Sandbox[] = [];

function sandbox(): Sandbox {
  const s = makeSandbox(registry.npmrcPath, join(work, 'npm-cache'));
  sandboxes.push(s);
  return s;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'mycli-e2e-killpoints-'));
  registry = await startRegistry();
  const published = join(work, 'published');
  await registry.publish(writeLibrary(published, DEP, '1.0.0'));
  await registry.publish(
    writePlugin(published, { name: A, version: '1.0.0', dependencies: { [DEP]: '^1.0.0' } }),
  );
  await registry.publish(writePlugin(published, { name: B, version: '1.0.0' }));
}, 120000);

afterAll(async () => {
  for (const s of sandboxes) s.cleanup();
  await registry?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const show = (v: Versions): string =>
  `{${Object.entries(v)
    .map(([n, ver]) => `${n}@${ver}`)
    .sort()
    .join(', ')}}`;
const same = (a: Versions, b: Versions): boolean => show(a) === show(b);
const firstLine = (text: string): string => JSON.stringify(text.trim().split('\n')[0] ?? '');

/** plugins.json's entries, or why it cannot be read. */
function readRecordEntries(pluginsDir: string): Record<string, RecordEntry> | string {
  try {
    const doc = JSON.parse(readFileSync(join(pluginsDir, 'plugins.json'), 'utf8')) as {
      plugins?: Record<string, RecordEntry>;
    };
    if (typeof doc.plugins !== 'object' || doc.plugins === null) return 'plugins.json has no plugins object';
    return doc.plugins;
  } catch (err) {
    return `plugins.json does not parse: ${(err as Error).message}`;
  }
}

const versionsOf = (entries: Record<string, RecordEntry>): Versions =>
  Object.fromEntries(Object.entries(entries).map(([n, e]) => [n, e.version]));

async function expectOk(s: Sandbox, args: string[]): Promise<void> {
  const r = await s.run(args);
  if (r.status !== 0) throw new Error(`mycli ${args.join(' ')} exits ${r.status}:\n${r.stderr}`);
}

/** What is left in the plugins folder besides one package folder per recorded plugin. */
function leftovers(pluginsDir: string, entries: Record<string, RecordEntry>): string[] {
  const problems: string[] = [];
  for (const name of readdirSync(pluginsDir))
    if (!ALLOWED_TOP_LEVEL.includes(name)) problems.push(`leftover ${name} in the plugins folder`);
  const installed = join(pluginsDir, 'installed');
  const owned = new Map(
    Object.entries(entries)
      .filter(([, e]) => e.source !== 'link')
      .map(([n, e]) => [n.replace('/', '+'), e]),
  );
  const present = existsSync(installed) ? readdirSync(installed) : [];
  for (const enc of present)
    if (!owned.has(enc)) problems.push(`installed/${enc} belongs to no recorded plugin`);
  for (const [enc, entry] of owned) {
    const project = join(installed, enc);
    const dirs = existsSync(project)
      ? readdirSync(project, { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => d.name)
      : [];
    const holding = dirs.filter((d) => entry.location.startsWith(join(project, d) + sep));
    if (dirs.length !== 1 || holding.length !== 1) {
      problems.push(
        `installed/${enc} holds [${dirs.join(', ')}` +
          `], expected exactly one folder holding ${relative(pluginsDir, entry.location)}`,
      );
    }
  }
  return problems;
}

interface Transition {
  before: Versions;
  after: Versions;
  /** The operation run after the kill: it must succeed and leave the after-state. */
  next: (recorded: Versions) => string[];
}

/** The problems of the state a kill point left (see the file comment). */
async function checkKillPoint(point: KillPoint, t: Transition): Promise<string[]> {
  const s = point.sandbox;
  const problems: string[] = [];
  const entries = readRecordEntries(s.pluginsDir);
  const recorded = typeof entries === 'string' ? {} : versionsOf(entries);
  if (typeof entries === 'string') problems.push(entries);
  else if (!same(recorded, t.before) && !same(recorded, t.after)) {
    problems.push(
      `plugins.json records ${show(recorded)}` +
        `: neither the before-state ${show(t.before)}` +
        ` nor the after-state ${show(t.after)}`,
    );
  }
  const help = await s.run(['--help']);
  if (help.status !== 0) problems.push(`mycli --help exits ${help.status}: ${firstLine(help.stderr)}`);
  // --help has brought a stale index up to date, so these two only read
  const [b, a] = await Promise.all([s.run(['kpb', 'run']), s.run(['kpa', 'run'])]);
  if (b.status !== 0 || b.stdout !== `${B}@1.0.0 run\n`)
    problems.push(`mycli kpb run exits ${b.status} printing ${firstLine(b.stdout || b.stderr)}`);
  const aVersion = recorded[A];
  if (aVersion !== undefined && (a.status !== 0 || a.stdout !== `${A}@${aVersion} run\n`)) {
    problems.push(
      `the record says ${A}@${aVersion}` +
        ` but mycli kpa run exits ${a.status}` +
        ` printing ${firstLine(a.stdout || a.stderr)}`,
    );
  }
  if (aVersion === undefined && (a.status === 0 || !a.stderr.includes('Unknown command'))) {
    problems.push(
      `${A} is not recorded but mycli kpa run exits ${a.status} printing ${firstLine(a.stdout || a.stderr)}`,
    );
  }
  const nextArgs = t.next(recorded);
  const n = await s.run(nextArgs);
  if (n.status !== 0)
    problems.push(`the next operation mycli ${nextArgs.join(' ')} exits ${n.status}: ${firstLine(n.stderr)}`);
  const afterNext = readRecordEntries(s.pluginsDir);
  if (typeof afterNext === 'string') problems.push(`after the next operation: ${afterNext}`);
  else {
    if (!same(versionsOf(afterNext), t.after))
      problems.push(
        `after the next operation plugins.json records ${show(versionsOf(afterNext))}, not ${show(t.after)}`,
      );
    problems.push(...leftovers(s.pluginsDir, afterNext).map((p) => `after the next operation: ${p}`));
  }
  return problems;
}

async function expectEveryKillPointConsistent(
  label: string,
  op: string[],
  t: Transition,
  prepare: () => Promise<Sandbox>,
  afterPrepare?: () => Promise<void>,
): Promise<void> {
  const result = await killAtEveryMutation({
    prepare,
    op,
    check: (point) => checkKillPoint(point, t),
    ...(afterPrepare ? { afterPrepare } : {}),
  });
  console.log(
    `${label}: ${result.mutations} mutations of the plugins folder, ${result.failures.length} problems, ` +
      `${(result.ms / 1000).toFixed(1)} s` +
      (result.notKilled.length ? `; finished before the kill at ${result.notKilled.join(', ')}` : '') +
      `\n${result.log.join('\n')}`,
  );
  expect(result.mutations).toBeGreaterThan(0);
  expect(result.failures.join('\n')).toBe('');
}

const installB = async (): Promise<Sandbox> => {
  const s = sandbox();
  await expectOk(s, ['plugins', 'install', B]);
  return s;
};

describe(
  'plugins operations killed after any file-system mutation leave ' + 'the before- or the after-state',
  () => {
    test('install of a plugin next to another', async () => {
      await expectEveryKillPointConsistent(
        'install',
        ['plugins', 'install', `${A}@1.0.0`],
        {
          before: { [B]: '1.0.0' },
          after: { [B]: '1.0.0', [A]: '1.0.0' },
          next: () => ['plugins', 'install', `${A}@1.0.0`],
        },
        installB,
      );
    }, 900000);

    test('uninstall of one of two plugins', async () => {
      await expectEveryKillPointConsistent(
        'uninstall',
        ['plugins', 'uninstall', A],
        // once A is gone, a no-op update of B is the next operation that takes the lock
        {
          before: { [B]: '1.0.0', [A]: '1.0.0' },
          after: { [B]: '1.0.0' },
          next: (r) => (r[A] ? ['plugins', 'uninstall', A] : ['plugins', 'update', B]),
        },
        async () => {
          const s = await installB();
          await expectOk(s, ['plugins', 'install', `${A}@1.0.0`]);
          return s;
        },
      );
    }, 900000);

    // Last: it publishes A 1.1.0, after installing A@^1 while 1.0.0 is the newest.
    test('update of a plugin within its range', async () => {
      await expectEveryKillPointConsistent(
        'update',
        ['plugins', 'update', A],
        {
          before: { [B]: '1.0.0', [A]: '1.0.0' },
          after: { [B]: '1.0.0', [A]: '1.1.0' },
          next: () => ['plugins', 'update', A],
        },
        async () => {
          const s = await installB();
          await expectOk(s, ['plugins', 'install', `${A}@^1`]);
          return s;
        },
        () =>
          registry.publish(
            writePlugin(join(work, 'later'), {
              name: A,
              version: '1.1.0',
              dependencies: { [DEP]: '^1.0.0' },
            }),
          ),
      );
    }, 900000);
  },
);
