import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandNode } from '../../src/definitions/types';
import { echoHandler, testCli, type TestCli } from '../support/inProcess';

const commands: CommandNode[] = [
  {
    name: 'echo',
    summary: 'Echo parsed args',
    positionals: [
      { name: 'count', summary: 'A number', type: 'number' },
      { name: 'rest', summary: 'Words', variadic: true },
    ],
    options: [
      { name: 'shout', aliases: ['s'], type: 'boolean', summary: 'A boolean' },
      { name: 'flag', type: 'boolean', summary: 'On by default', default: true },
      { name: 'str', aliases: ['g'], type: 'string', summary: 'A string' },
      { name: 'num', type: 'number', summary: 'Any number' },
      { name: 'size', type: 'number', summary: 'Bounded', integer: true, min: 1, max: 10 },
      { name: 'ratio', type: 'number', summary: 'At most 1', max: 1 },
      { name: 'level', type: 'string', summary: 'A level', choices: ['low', 'high'] },
    ],
    handler: echoHandler,
  },
];

describe('parsing never guesses', () => {
  let app: TestCli;
  beforeEach(() => (app = testCli(commands)));
  afterEach(() => app.cleanup());
  const args = async (...argv: string[]): Promise<Record<string, unknown>> => {
    const doc = await app.json(['echo', ...argv]);
    expect(doc.error).toBeNull();
    return (doc.data as { args: Record<string, unknown> }).args;
  };
  const usage = async (
    argv: string[],
    env?: Record<string, string>,
  ): Promise<{ code: string; message: string; details: Record<string, unknown> }> => {
    const doc = await app.json(['echo', ...argv], env);
    expect(doc.exitCode).toBe(2);
    return { code: doc.error?.code ?? '', message: doc.message ?? '', details: doc.error?.details ?? {} };
  };

  it('a boolean given =true/=false/=yes/=no/=1/=0 (any case) means what it says', async () => {
    for (const [word, value] of [
      ['true', true],
      ['FALSE', false],
      ['Yes', true],
      ['no', false],
      ['1', true],
      ['0', false],
    ] as const) {
      expect((await args(`--shout=${word}`)).shout).toBe(value);
    }
    expect((await args('--flag=no')).flag).toBe(false);
    expect((await args('-s=yes')).shout).toBe(true);
  });

  it('a boolean flag and its environment variable read the same words', async () => {
    const doc = await app.json(['echo'], { APP_OPT_SHOUT: 'yes', APP_OPT_FLAG: '0' });
    expect(doc.data).toMatchObject({ args: { shout: true, flag: false } });
  });

  it(
    'a boolean given any other word is a usage error naming the option, ' +
      'the value and the accepted words',
    async () => {
      const err = await usage(['--shout=maybe']);
      expect(err.code).toBe('EDICT_INVALID_VALUE');
      expect(err.message).toBe(
        'Invalid value "maybe" for option --shout: wanted one of true, false, yes, no, 1, 0, on, off.',
      );
      expect(err.details).toMatchObject({ option: 'shout', value: 'maybe' });
    },
  );

  it('a string or number option followed by another flag or by nothing needs a value', async () => {
    const followed = await usage(['--str', '--shout']);
    expect(followed.code).toBe('EDICT_MISSING_VALUE');
    expect(followed.message).toContain('Option --str needs a value');
    expect(followed.message).toContain('write --str=--shout if it is meant');
    expect((await usage(['--str'])).message).toBe('Option --str needs a value.');
    expect((await usage(['-g'])).message).toBe('Option -g needs a value.');
    expect((await usage(['--num', '--', 'x'])).code).toBe('EDICT_MISSING_VALUE');
    expect((await usage(['--shout', '--num'])).code).toBe('EDICT_MISSING_VALUE');
  });

  it(
    'takes a value that starts with a dash when written with =, and ' + 'negative numbers as they are',
    async () => {
      expect(await args('--str=--shout', '--num', '-3', '-g', '-')).toMatchObject({
        str: '-',
        num: -3,
        shout: false,
      });
      expect((await args('--str=--x')).str).toBe('--x');
    },
  );

  it('--json=false, --no-json and --json=true work; another word is a usage error', async () => {
    const plain = await app.run(['echo', '7', '--json=false']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe('');
    expect((await app.run(['echo', '--no-json'])).stdout).toBe('');
    const doc = JSON.parse((await app.run(['echo', '7', '--json=true'])).stdout) as { data: unknown };
    expect(doc.data).toMatchObject({ args: { count: 7 } });
    const bad = await app.run(['echo', '--json=maybe']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Invalid value "maybe" for option --json: wanted one of true, false');
  });

  it('number options check integer, min and max for flag, environment and config values alike', async () => {
    expect((await args('--size', '10')).size).toBe(10);
    expect((await usage(['--size', '11'])).message).toBe(
      'Invalid value "11" for option --size: wanted a whole number from 1 to 10.',
    );
    expect((await usage(['--size=2.5'])).message).toContain('wanted a whole number from 1 to 10');
    expect((await usage(['--size', 'abc'])).message).toContain('wanted a whole number from 1 to 10');
    expect((await usage([], { APP_OPT_SIZE: '0' })).message).toContain('environment variable APP_OPT_SIZE');
    expect((await usage(['--ratio', '1.5'])).message).toContain('wanted a number of at most 1');
    writeFileSync(join(app.home, 'config.json'), JSON.stringify({ 'echo.size': 99 }));
    expect((await usage([])).message).toContain('config key echo.size');
  });

  it('refuses numbers beyond Number.MAX_SAFE_INTEGER for every number option', async () => {
    const err = await usage(['--num', '9007199254740993']);
    expect(err.message).toBe(
      'Invalid value "9007199254740993" for option --num: wanted a ' +
        'number from -9007199254740991 to 9007199254740991.',
    );
    expect((await usage(['--num=-1e300'])).code).toBe('EDICT_INVALID_VALUE');
    expect((await usage([], { APP_OPT_NUM: '9007199254740992' })).code).toBe('EDICT_INVALID_VALUE');
    expect((await args('--num', '9007199254740991')).num).toBe(Number.MAX_SAFE_INTEGER);
    expect((await usage(['9007199254740993'])).message).toBe(
      'Invalid value "9007199254740993" for argument <count>: wanted ' +
        'a number from -9007199254740991 to 9007199254740991.',
    );
    expect((await usage(['--size', '9007199254740993'])).message).toContain(
      'wanted a whole number from 1 to 10.',
    );
  });

  it(
    'config set checks the value against the option type, choices ' +
      'and bounds, writing nothing when it is wrong',
    async () => {
      for (const [key, value, wanted] of [
        ['echo.size', 'abc', 'a whole number from 1 to 10'],
        ['size', '11', 'a whole number from 1 to 10'],
        ['echo.level', 'mid', 'one of low, high'],
        ['shout', 'maybe', 'one of true, false, yes, no, 1, 0, on, off'],
        ['echo.str', '{"a":1}', 'a string'],
      ]) {
        const r = await app.run(['config', 'set', key as string, value as string]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(
          `Invalid value "${value}" for config key ${key}` +
            `: option --${(key as string).replace('echo.', '')} of app echo wants ${wanted}` +
            `. Nothing was saved.`,
        );
        expect(r.stderr).toContain('Hint: app echo --help');
      }
      expect((await app.json(['config', 'set', 'echo.level', 'mid'])).error?.code).toBe(
        'EDICT_INVALID_CHOICE',
      );
      expect((await app.json(['config', 'set', 'echo.size', '0'])).error?.code).toBe('EDICT_INVALID_VALUE');
      expect((await app.run(['config', 'list'])).stdout).toContain('No settings');
      expect((await app.run(['config', 'set', 'echo.size', '3'])).code).toBe(0);
      expect(JSON.parse(readFileSync(join(app.home, 'config.json'), 'utf8'))).toEqual({ 'echo.size': 3 });
    },
  );
});
