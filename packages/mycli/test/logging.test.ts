import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSandbox, warningLines, type Sandbox } from './helpers/cliSandbox';
import { writePlugin } from './helpers/fixturePlugin';

// End-to-end: `ctx.log` of the built mycli, from a linked plugin's handlers and the host's commands.
let work: string;
const sandboxes: Sandbox[] = [];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'mycli-e2e-log-'));
});

afterAll(() => {
  for (const s of sandboxes) s.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});

const PLUGIN = 'mycli-plugin-logs';
const logHandler = `exports.handler = async (ctx) => {
  ctx.log.info('info from %s', 'the plugin');
  ctx.log.warn('careful', { attempt: 2 });
  ctx.out.text('done');
};
`;
const failHandler = `const { EdictError } = require('@edict/core');
exports.handler = async () => { throw new EdictError('EDICT_LOGS_FAIL', 'It failed on purpose.'); };
`;

/** A sandbox with the fixture plugin linked (linking logs nothing). */
async function linkedSandbox(): Promise<Sandbox> {
  const s = makeSandbox(undefined, join(work, 'npm-cache'));
  sandboxes.push(s);
  const folder = writePlugin(s.fixtures, {
    name: PLUGIN,
    version: '1.0.0',
    commands: [
      { name: 'run', source: logHandler },
      { name: 'fail', source: failHandler },
    ],
  });
  expect((await s.run(['plugins', 'link', folder])).status).toBe(0);
  return s;
}

const logPath = (s: Sandbox): string => join(s.home, 'logs', 'mycli.log');
/** The log's lines without their time stamps. */
const logLines = (s: Sandbox): string[] =>
  readFileSync(logPath(s), 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => l.replace(/^\d{4}-\d\d-\d\dT[\d:.]+Z /, ''));

describe('logging with ctx.log', () => {
  test(
    "a plugin's lines land in <home>/logs/mycli.log tagged with its " +
      'package name, at warn and above by default',
    async () => {
      const s = await linkedSandbox();
      expect(existsSync(join(s.home, 'logs'))).toBe(false);
      const r = await s.run(['logs', 'run']);
      expect(r.stdout).toBe('done\n');
      expect(r.stderr).toBe('');
      expect(logLines(s)).toEqual([`WARN  [${PLUGIN}] careful { attempt: 2 }`]);
    },
  );

  test(
    'MYCLI_LOG_LEVEL filters the lines; off writes none; an invalid ' + 'value warns once and logs at warn',
    async () => {
      const s = await linkedSandbox();
      await s.run(['logs', 'run'], { env: { MYCLI_LOG_LEVEL: 'debug' } });
      expect(logLines(s)).toEqual([
        `DEBUG [${PLUGIN}] run mycli logs run`,
        `INFO  [${PLUGIN}] info from the plugin`,
        `WARN  [${PLUGIN}] careful { attempt: 2 }`,
        `DEBUG [${PLUGIN}] exit 0`,
      ]);
      await s.run(['logs', 'run'], { env: { MYCLI_LOG_LEVEL: 'off' } });
      expect(logLines(s)).toHaveLength(4);
      const invalid = await s.run(['logs', 'run'], { env: { MYCLI_LOG_LEVEL: 'loud' } });
      expect(warningLines(invalid.stderr)).toEqual([
        'Warning: Ignoring MYCLI_LOG_LEVEL="loud": wanted one of trace, ' +
          'debug, info, warn, error, off; logging at warn.',
      ]);
      expect(logLines(s).slice(4)).toEqual([`WARN  [${PLUGIN}] careful { attempt: 2 }`]);
    },
  );

  test('--debug copies every line at debug and above to stderr; the file keeps its own level', async () => {
    const s = await linkedSandbox();
    const r = await s.run(['logs', 'run', '--debug']);
    expect(r.stdout).toBe('done\n');
    expect(r.stderr.split('\n').map((l) => l.replace(/^\S+ /, ''))).toEqual([
      `DEBUG [${PLUGIN}] run mycli logs run`,
      `INFO  [${PLUGIN}] info from the plugin`,
      `WARN  [${PLUGIN}] careful { attempt: 2 }`,
      `DEBUG [${PLUGIN}] exit 0`,
      '',
    ]);
    expect(logLines(s)).toEqual([`WARN  [${PLUGIN}] careful { attempt: 2 }`]);
  });

  test('a failing command logs its exit code and error code at error level, under its plugin', async () => {
    const s = await linkedSandbox();
    const r = await s.run(['logs', 'fail']);
    expect(r.status).toBe(1);
    expect(logLines(s)).toEqual([`ERROR [${PLUGIN}] exit 1: EDICT_LOGS_FAIL: It failed on purpose.`]);
  });

  test(
    "a run that logs nothing creates nothing; the host's own commands " + "log under the host's name",
    async () => {
      const s = await linkedSandbox();
      expect((await s.run(['greet', 'Ada'])).stdout).toBe('Hello, Ada!\n');
      expect((await s.run(['nope'])).status).toBe(2);
      expect(existsSync(join(s.home, 'logs'))).toBe(false);
      await s.run(['greet', 'Ada'], { env: { MYCLI_LOG_LEVEL: 'debug' } });
      expect(logLines(s)).toEqual(['DEBUG [mycli] run mycli greet', 'DEBUG [mycli] exit 0']);
    },
  );
});
