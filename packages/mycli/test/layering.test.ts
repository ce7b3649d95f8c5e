import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mycli, tempHome } from './support';

const times = (r: { stdout: string }): number =>
  (JSON.parse(r.stdout) as { data: { lines: string[] } }).data.lines.length;

describe('mycli option layering and the config commands', () => {
  let home: string;
  let cleanup: () => void;
  beforeEach(() => ({ home, cleanup } = tempHome()));
  afterEach(() => cleanup());

  it('takes flag > env > command config key > bare config key > default, each step', () => {
    expect(times(mycli(home, ['greet', 'Ada', '--json']))).toBe(1);
    mycli(home, ['config', 'set', 'times', '2']);
    expect(times(mycli(home, ['greet', 'Ada', '--json']))).toBe(2);
    mycli(home, ['config', 'set', 'greet.times', '3']);
    expect(times(mycli(home, ['greet', 'Ada', '--json']))).toBe(3);
    expect(times(mycli(home, ['greet', 'Ada', '--json'], { MYCLI_OPT_TIMES: '4' }))).toBe(4);
    expect(times(mycli(home, ['greet', 'Ada', '--json', '-t', '5'], { MYCLI_OPT_TIMES: '4' }))).toBe(5);
  });

  it('round-trips config set, get, list and unset (also with --json)', () => {
    expect(mycli(home, ['config', 'set', 'greet.lang', 'es']).status).toBe(0);
    expect(mycli(home, ['config', 'get', 'greet.lang']).stdout).toBe('es\n');
    expect(JSON.parse(mycli(home, ['config', 'get', 'greet.lang', '--json']).stdout).data).toEqual({
      key: 'greet.lang',
      value: 'es',
    });
    expect(mycli(home, ['greet', 'Ada']).stdout).toBe('Hola, Ada!\n');
    expect(mycli(home, ['config', 'list']).stdout).toBe('greet.lang = "es"\n');
    expect(JSON.parse(mycli(home, ['config', 'list', '--json']).stdout).data.values).toEqual({
      'greet.lang': 'es',
    });
    expect(mycli(home, ['config', 'unset', 'greet.lang']).stdout).toBe('Removed greet.lang\n');
    expect(mycli(home, ['config', 'get', 'greet.lang']).status).toBe(1);
    expect(JSON.parse(readFileSync(join(home, 'config.json'), 'utf8'))).toEqual({});
  });

  it('warns when a key matches no option, and rejects a config value of the wrong type by key', () => {
    expect(mycli(home, ['config', 'set', 'nope', '1']).stderr).toContain(
      'No command option answers to "nope"',
    );
    // A hand-edited file can still hold a bad value: the run names the key.
    writeFileSync(join(home, 'config.json'), JSON.stringify({ 'greet.times': 'lots' }));
    const r = mycli(home, ['greet', 'Ada']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('config key greet.times');
    expect(r.stderr).toContain('mycli config unset greet.times');
  });

  it(
    'config set refuses a value of the wrong type, outside the choices ' +
      'or the bounds, and writes nothing',
    () => {
      for (const [key, value, wanted] of [
        ['greet.times', 'abc', 'wants a whole number from 1 to 100'],
        ['times', '0', 'wants a whole number from 1 to 100'],
        ['greet.times', '2.5', 'wants a whole number from 1 to 100'],
        ['greet.lang', 'de', 'wants one of en, fr, es'],
        ['greet.shout', 'maybe', 'wants one of true, false, yes, no, 1, 0, on, off'],
      ] as const) {
        const r = mycli(home, ['config', 'set', key, value]);
        expect(r.status).toBe(2);
        expect(r.stderr).toContain(
          `Invalid value "${value}" for config key ${key}` +
            `: option --${key.replace('greet.', '')} of mycli greet ${wanted}` +
            `. Nothing was saved.`,
        );
        expect(r.stderr).toContain('Hint: mycli greet --help');
      }
      expect(existsSync(join(home, 'config.json'))).toBe(false);
      expect(mycli(home, ['config', 'set', 'greet.shout', 'yes']).status).toBe(0);
      expect(mycli(home, ['greet', 'Ada']).stdout).toBe('HELLO, ADA!\n');
    },
  );

  it('reports a corrupt config file with its path and a fix hint, keeping the file', () => {
    const file = join(home, 'config.json');
    writeFileSync(file, '{ broken');
    for (const args of [
      ['config', 'list'],
      ['config', 'set', 'times', '2'],
      ['greet', 'Ada'],
    ]) {
      const r = mycli(home, args);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(file);
      expect(r.stderr).toContain('mycli config list');
    }
    expect(readFileSync(file, 'utf8')).toBe('{ broken');
  });
});
