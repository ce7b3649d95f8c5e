import { closest, editDistance } from '../../src/routing/suggest';

describe('did-you-mean suggestions', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('shuot', 'shout')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests the closest name for a typo and nothing for an unrelated word', () => {
    expect(closest('gret', ['greet', 'info', 'config'])).toBe('greet');
    expect(closest('plugns', ['plugins', 'config'])).toBe('plugins');
    expect(closest('zzzzzz', ['greet', 'info'])).toBeUndefined();
  });
});
