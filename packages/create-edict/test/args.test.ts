import { parseArgs } from '../src/args';

describe('parseArgs', () => {
  it('reads the folder, kind and value flags in both --flag value and --flag=value forms', () => {
    expect(
      parseArgs(['my-plugin', '--plugin', '--host', 'mycli', '--pm=pnpm', '--dry-run', '-y']),
    ).toMatchObject({
      dir: 'my-plugin',
      kind: 'plugin',
      host: 'mycli',
      pm: 'pnpm',
      dryRun: true,
      yes: true,
      force: false,
    });
  });

  it('refuses an unknown option, naming it (usage error)', () => {
    expect(() => parseArgs(['x', '--frobnicate'])).toThrow(
      expect.objectContaining({
        code: 'EDICT_CREATE_USAGE',
        exitCode: 2,
        message: expect.stringContaining('--frobnicate'),
      }),
    );
  });

  it('refuses a package manager it does not support', () => {
    expect(() => parseArgs(['x', '--pm', 'yarn'])).toThrow(/--pm must be one of npm, pnpm \(got "yarn"\)/);
  });

  it('refuses a value flag without a value', () => {
    expect(() => parseArgs(['x', '--host'])).toThrow(/--host needs a value/);
    expect(() => parseArgs(['x', '--host', '--force'])).toThrow(/--host needs a value/);
  });

  it('refuses two folders', () => {
    expect(() => parseArgs(['a', 'b'])).toThrow(/Only one project folder/);
  });
});
