import { isInjectedRequest, packageNameOf } from '../src/injected';

describe('isInjectedRequest', () => {
  const injected = ['@edict/*', 'mycli'];

  it.each(['@edict/core', '@edict/core/lib/errors', '@edict/plugins', 'mycli', 'mycli/lib/y'])(
    'matches %s',
    (request) => {
      expect(isInjectedRequest(request, injected)).toBe(true);
    },
  );

  it.each([
    'mycli-tools',
    'mycli2/lib',
    '@edict-x/core',
    '@edictx/core',
    'edict',
    './mycli',
    '../@edict/core',
    '/abs/mycli',
    'node:fs',
    '#mycli',
    'file:///x/mycli',
  ])('does not match %s', (request) => {
    expect(isInjectedRequest(request, injected)).toBe(false);
  });

  it('matches exact names only when no scope pattern is given', () => {
    expect(isInjectedRequest('@edict/core/lib/x', ['@edict/core'])).toBe(true);
    expect(isInjectedRequest('@edict/core-extra', ['@edict/core'])).toBe(false);
  });
});

describe('packageNameOf', () => {
  it.each([
    ['@edict/core/lib/x', '@edict/core'],
    ['mycli/lib/y', 'mycli'],
    ['test-pkg', 'test-pkg'],
    ['@edict', undefined],
    ['./x', undefined],
    ['C:\\x', undefined],
  ])('%s → %s', (request, name) => {
    expect(packageNameOf(request)).toBe(name);
  });
});
