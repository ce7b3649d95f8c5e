import { splitNameVersion } from '../../src/commands/nameArgs';

describe('plugin name arguments', () => {
  it('split name@version and @scope/name@version; a bare or scoped name has no version', () => {
    expect(splitNameVersion('x@1.0.0')).toEqual({ name: 'x', version: '1.0.0' });
    expect(splitNameVersion('@scope/x@^1')).toEqual({ name: '@scope/x', version: '^1' });
    expect(splitNameVersion('@scope/x')).toEqual({ name: '@scope/x' });
    expect(splitNameVersion('x')).toEqual({ name: 'x' });
    expect(splitNameVersion('x@')).toEqual({ name: 'x' });
  });
});
