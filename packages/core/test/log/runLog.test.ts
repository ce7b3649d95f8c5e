import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HostInfo } from '../../src/api/host';
import { runLog } from '../../src/log/runLog';
import { tempDir } from '../support/childCli';

describe("a run's logging", () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir('edict-runlog')));
  afterEach(() => cleanup());

  const host = (home: string, env: Record<string, string> = {}): HostInfo =>
    ({ name: 'app', envPrefix: 'APP', env, home }) as unknown as HostInfo;

  it('shares one censor across its loggers and writes each under its tag to <home>/logs/<name>.log', () => {
    const logs = runLog(host(dir, { APP_LOG_LEVEL: 'info' }), {
      debug: false,
      stderr: process.stderr,
      warn: () => {},
    });
    logs.censor.add('hunter2');
    logs.logger('app').info('host says hunter2');
    logs.logger('app-plugin-x').info('plugin says %s', 'hunter2');
    expect(logs.logger('app')).toBe(logs.logger('app'));
    const text = readFileSync(join(dir, 'logs', 'app.log'), 'utf8');
    expect(text).toMatch(
      /INFO {2}\[app\] host says \*\*\*\*\n.*INFO {2}\[app-plugin-x\] plugin says \*\*\*\*\n$/,
    );
  });

  it('warns once for an invalid level and once for an unwritable file, however many loggers', () => {
    const warnings: string[] = [];
    const blocked = join(dir, 'home');
    writeFileSync(blocked, '');
    const logs = runLog(host(blocked, { APP_LOG_LEVEL: 'chatty' }), {
      debug: false,
      stderr: process.stderr,
      warn: (w) => warnings.push(w),
    });
    logs.logger('a').error('one');
    logs.logger('b').error('two');
    expect(warnings).toEqual([
      expect.stringContaining('Ignoring APP_LOG_LEVEL="chatty"'),
      expect.stringContaining(
        `Logging is off for this run: cannot write ${join(blocked, 'logs', 'app.log')}`,
      ),
    ]);
  });
});
