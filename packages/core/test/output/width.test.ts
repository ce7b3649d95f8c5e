import { displayWidth, graphemes, truncateMiddle, truncateWidth } from '../../src/output/width';

const FAMILY = '👨‍👩‍👧‍👦';

describe('display width', () => {
  it('counts CJK characters and emoji (ZWJ sequences too) as two columns, escapes as none', () => {
    expect(displayWidth('日本語')).toBe(6);
    expect(displayWidth(FAMILY)).toBe(2);
    expect(displayWidth('👍🏽 ok')).toBe(5);
    expect(displayWidth('\x1b[1mbold\x1b[22m')).toBe(4);
  });

  it(
    'splits text into user-perceived characters: ZWJ sequences, flags, ' +
      'skin tones and accents stay whole',
    () => {
      expect(graphemes(`${FAMILY}e\u0301🇯🇵👍🏽x日`)).toEqual([FAMILY, 'e\u0301', '🇯🇵', '👍🏽', 'x', '日']);
      expect(displayWidth('e\u0301')).toBe(1);
    },
  );

  it('truncates to the width with an ellipsis, never splitting an emoji sequence or a wide character', () => {
    expect(truncateWidth('abcdefghij', 5)).toBe('abcd…');
    expect(truncateWidth('short', 5)).toBe('short');
    expect(truncateWidth('日本語です', 6)).toBe('日本…');
    expect(truncateWidth(`ab${FAMILY}cd`, 4)).toBe('ab…');
    expect(truncateWidth(`a${FAMILY}cd`, 4)).toBe(`a${FAMILY}…`);
    expect(displayWidth(truncateWidth('日本語です', 5))).toBeLessThanOrEqual(5);
  });

  it('keeps colour escapes when truncating and resets them after the cut', () => {
    expect(truncateWidth('\x1b[32mgreen text\x1b[39m', 6)).toBe('\x1b[32mgreen…\x1b[0m');
  });

  it('shortens a path from the middle, keeping its start and its file name', () => {
    const path = '/home/someone/projects/very/deep/folder/structure/my-plugin-1.0.0';
    const short = truncateMiddle(path, 30);
    expect(displayWidth(short)).toBe(30);
    expect(short.startsWith('/home/someone')).toBe(true);
    expect(short.endsWith('my-plugin-1.0.0')).toBe(true);
    expect(short).toContain('…');
    expect(truncateMiddle('/a/b', 10)).toBe('/a/b');
  });
});
