import { join } from 'node:path';
import { parseOneJson, runNode, tempDir } from '../support/childCli';
import { writeKitCli } from '../support/kitFixture';

describe('a built CLI parses every option type from its definition', () => {
  let dir: string;
  let cleanup: () => void;
  let kit: string;
  const env = (): Record<string, string> => ({ KIT_HOME: join(dir, 'home') });
  const argsOf = (...argv: string[]): Record<string, unknown> => {
    const r = runNode(kit, ['--json', ...argv], env());
    expect(r.status).toBe(0);
    return (parseOneJson(r.stdout).data as { args: Record<string, unknown> }).args;
  };
  const usage = (...argv: string[]): { code: string; message: string | null } => {
    const r = runNode(kit, [...argv, '--json'], env());
    expect(r.status).toBe(2);
    const doc = parseOneJson(r.stdout);
    expect(doc.success).toBe(false);
    return { code: doc.error?.code ?? '', message: doc.message };
  };

  beforeEach(() => {
    ({ dir, cleanup } = tempDir('edict-options'));
    kit = writeKitCli(dir);
  });
  afterEach(() => cleanup());

  it('gives strings, numbers, arrays and counts under kebab and camelCase names', () => {
    const args = argsOf('echo', '--str', 'hi', '-n', '4.5', '--tag', 'x', '-t', 'z', '-vvv', '--dry-run');
    expect(args).toMatchObject({
      str: 'hi',
      num: 4.5,
      tag: ['x', 'z'],
      verbose: 3,
      'dry-run': true,
      dryRun: true,
    });
  });

  it('applies defaults: booleans false, counts 0, declared defaults as given', () => {
    const args = argsOf('echo');
    expect(args).toMatchObject({ flag: true, verbose: 0, level: 'low', 'dry-run': false });
    expect(args.str).toBeUndefined();
  });

  it('negates a boolean with --no-<name>', () => {
    expect(argsOf('echo', '--no-flag').flag).toBe(false);
  });

  it('binds positionals: choices, number type and a variadic rest', () => {
    expect(argsOf('echo', 'b', '7', 'r1', 'r2')).toMatchObject({
      word: 'b',
      'num-pos': 7,
      numPos: 7,
      rest: ['r1', 'r2'],
    });
    expect(argsOf('echo', '--', 'a', '3', '--not-an-option')).toMatchObject({
      word: 'a',
      rest: ['--not-an-option'],
    });
  });

  it('refuses a bad number, naming the option and the value', () => {
    const err = usage('echo', '--num', 'abc');
    expect(err.code).toBe('EDICT_INVALID_VALUE');
    expect(err.message).toContain('--num');
    expect(err.message).toContain('"abc"');
    expect(usage('echo', 'a', 'seven').message).toContain('<num-pos>');
  });

  it('refuses values outside choices for options, array elements and positionals', () => {
    expect(usage('echo', '--level', 'mid').code).toBe('EDICT_INVALID_CHOICE');
    expect(usage('echo', '--tag', 'x', '--tag', 'w').message).toContain('"w"');
    expect(usage('echo', 'c').message).toContain('<word>');
  });

  it('refuses an unknown option with a suggestion, and an extra argument', () => {
    const err = usage('echo', '--levle', 'low');
    expect(err.code).toBe('EDICT_UNKNOWN_OPTION');
    expect(err.message).toContain('Did you mean --level?');
    expect(usage('rules', '--need', 'x', 'extra').code).toBe('EDICT_UNEXPECTED_ARGUMENT');
  });

  it('enforces required, implies and conflicts', () => {
    expect(usage('rules').code).toBe('EDICT_MISSING_OPTION');
    expect(usage('rules', '--need', 'x', '--user', 'u').code).toBe('EDICT_MISSING_IMPLIED_OPTION');
    expect(argsOf('rules', '--need', 'x', '--user', 'u', '--password', 'p')).toMatchObject({
      user: 'u',
      password: 'p',
    });
    expect(usage('rules', '--need', 'x', '--quiet', '--loud').code).toBe('EDICT_CONFLICTING_OPTIONS');
  });

  it('warns about a deprecated option on stderr and passes its value to the replacement', () => {
    const r = runNode(kit, ['rules', '--need', 'x', '--old', 'v', '--json'], env());
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('Option --old is deprecated. Use --new-name instead.');
    expect((parseOneJson(r.stdout).data as { args: Record<string, unknown> }).args).toMatchObject({
      newName: 'v',
    });
  });

  it('routes through groups and aliases, and inherits group options', () => {
    const r = runNode(kit, ['tl', 'run', 'hammer', '--region', 'eu', '--json'], env());
    const data = parseOneJson(r.stdout).data as { args: Record<string, unknown>; commandPath: string[] };
    expect(data.commandPath).toEqual(['tools', 'run']);
    expect(data.args).toMatchObject({ tool: 'hammer', region: 'eu' });
  });

  it('reads the hidden option from its own env variable and ignores env for env:false', () => {
    const r = runNode(kit, ['echo', '--json'], { ...env(), KIT_SECRET_VALUE: 's3', KIT_OPT_LOCAL: 'nope' });
    const args = (parseOneJson(r.stdout).data as { args: Record<string, unknown> }).args;
    expect(args.secret).toBe('s3');
    expect(args.local).toBeUndefined();
  });
});
