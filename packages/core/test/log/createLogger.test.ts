import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCensor } from '../../src/log/censor';
import { createLogger, type LoggerOptions } from '../../src/log/createLogger';
import { tempDir } from '../support/childCli';

describe('createLogger', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir('edict-log')));
  afterEach(() => cleanup());

  const logsDir = (): string => join(dir, 'logs');
  const logger = (extra: Partial<LoggerOptions> = {}) =>
    createLogger({
      dir: logsDir(),
      name: 'app',
      level: 'info',
      tag: 'app',
      censor: createCensor(),
      ...extra,
    });
  const lines = (): string[] => readFileSync(join(logsDir(), 'app.log'), 'utf8').trimEnd().split('\n');

  it('writes ISO time, level, [tag] and message to <dir>/<name>.log, formatting like util.format', () => {
    const log = logger({ tag: 'mycli-plugin-x' });
    log.info('hello %s, %d times', 'Ada', 3);
    log.warn('appended', { a: 1 }, 'plain');
    expect(lines()).toEqual([
      expect.stringMatching(
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z INFO {2}\[mycli-plugin-x\] hello Ada, 3 times$/,
      ),
      expect.stringMatching(/ WARN {2}\[mycli-plugin-x\] appended \{ a: 1 \} plain$/),
    ]);
  });

  it('drops lines below the level and writes none with off', () => {
    const log = logger({ level: 'warn' });
    log.trace('t');
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    expect(lines().map((l) => l.split(' ')[1])).toEqual(['WARN', 'ERROR']);
    const off = logger({ level: 'off', name: 'quiet' });
    off.error('nothing');
    expect(existsSync(join(logsDir(), 'quiet.log'))).toBe(false);
  });

  it('creates no folder and no file until a line passes the level', () => {
    const log = logger({ level: 'error' });
    log.warn('below the level');
    expect(existsSync(logsDir())).toBe(false);
    log.error('now');
    expect(readdirSync(logsDir())).toEqual(['app.log']);
    expect(statSync(join(logsDir(), 'app.log')).mode & 0o777).toBe(0o600);
  });

  it('copies lines at debug and above to stderr when given one, whatever the file level', () => {
    const copied: string[] = [];
    const log = logger({ level: 'off', stderr: { write: (s: string) => copied.push(s) } });
    log.trace('trace stays out');
    log.debug('debug %s', 'in');
    log.error('error in');
    expect(copied).toEqual([
      expect.stringMatching(/ DEBUG \[app\] debug in\n$/),
      expect.stringMatching(/ ERROR \[app\] error in\n$/),
    ]);
    expect(existsSync(logsDir())).toBe(false);
  });

  it('masks registered secrets in the message and in the arguments, inspected or not', () => {
    const censor = createCensor();
    censor.add("s3cr'et");
    censor.add('pin42');
    const log = logger({ censor });
    log.info("token=s3cr'et", { password: "s3cr'et" }, ['pin42'], 'pin42s');
    const [line] = lines();
    expect(line).not.toContain('s3cr');
    expect(line).toMatch(/ token=\*\*\*\* \{ password: "\*\*\*\*" \} \[ '\*\*\*\*' \] \*\*\*\*s$/);
  });

  it('rotates at the size limit and keeps only the newest files', () => {
    const log = logger({ maxBytes: 200, keep: 2 });
    for (let i = 0; i < 40; i++) log.info('line %d %s', i, 'x'.repeat(40));
    expect(readdirSync(logsDir()).sort()).toEqual(['app.log', 'app.log.1', 'app.log.2']);
    for (const f of readdirSync(logsDir()))
      expect(statSync(join(logsDir(), f)).size).toBeLessThanOrEqual(200);
    // the newest line is in app.log, the ones just before it in app.log.1
    expect(lines().at(-1)).toContain('line 39 ');
    const previous = readFileSync(join(logsDir(), 'app.log.1'), 'utf8');
    const firstNow = Number(/line (\d+) /.exec(lines()[0] ?? '')?.[1]);
    expect(previous).toContain(`line ${firstNow - 1} `);
  });

  it('warns once and goes on when the log file cannot be written', () => {
    const warnings: string[] = [];
    const blocker = join(dir, 'file');
    writeFileSync(blocker, '');
    const log = logger({ dir: join(blocker, 'logs'), onError: (m) => warnings.push(m) });
    log.info('one');
    log.info('two');
    expect(warnings).toEqual([expect.stringContaining(`cannot write ${join(blocker, 'logs', 'app.log')}`)]);
  });
});
