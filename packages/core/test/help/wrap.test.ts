import { twoColumns, wrap } from '../../src/help/wrap';
import { displayWidth } from '../../src/output/width';

const JAPANESE =
  'Edictは、TypeScriptで拡張可能なコマンドラインツールを作るためのフレームワークです。コマンドの定義はデータだけで書かれ、プラグインは実行時に読み込まれます。';
const FAMILY = '👨‍👩‍👧‍👦';

describe('help wrapping by display width', () => {
  it('wraps Japanese text without spaces within the width', () => {
    const lines = wrap(JAPANESE, 30);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(30);
    expect(lines.join('')).toBe(JAPANESE);
  });

  it('never starts a line with closing punctuation', () => {
    for (const width of [10, 11, 12, 13, 14, 15, 16])
      for (const line of wrap(JAPANESE, width)) expect(line).not.toMatch(/^[、。]/);
  });

  it('keeps emoji ZWJ sequences whole and counts them as two columns', () => {
    const text = `Family ${FAMILY} and more ${FAMILY}${FAMILY}${FAMILY} words ${FAMILY} end`;
    const lines = wrap(text, 12);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(12);
    expect(lines.join(' ').split(FAMILY).length - 1).toBe(5);
    expect(wrap(`ab ${FAMILY}`, 5)).toEqual([`ab ${FAMILY}`]);
  });

  it('still breaks English at spaces and leaves an overlong word whole', () => {
    expect(wrap('the quick brown fox', 9)).toEqual(['the quick', 'brown fox']);
    expect(wrap('a supercalifragilistic b', 5)).toEqual(['a', 'supercalifragilistic', 'b']);
    expect(wrap('keep\u00a0[env:\u00a0X] together', 10)).toEqual(['keep [env: X]', 'together']);
  });

  it('aligns description columns after wide terms by display width', () => {
    const out = twoColumns(
      [
        ['日本', 'first'],
        ['abcd', 'second'],
      ],
      80,
    );
    expect(
      out.map((l) => displayWidth(l.slice(0, l.indexOf(l.includes('first') ? 'first' : 'second')))),
    ).toEqual([8, 8]);
  });
});
