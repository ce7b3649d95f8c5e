import { columnWidths } from '../../src/output/fitColumns';
import { renderTable } from '../../src/output/table';
import { displayWidth } from '../../src/output/width';

const longPath = `/tmp/mycli-e2e-a1b2c3/fixtures/${'deeply-nested-folder/'.repeat(5)}mycli-plugin-tool-1.0.0`;
const rows = [
  {
    name: 'mycli-plugin-tool',
    version: '1.0.0',
    spec: longPath,
    source: 'folder',
    commands: 'tool run, tool build, tool check',
    health: 'ok',
  },
  {
    name: 'mycli-plugin-other',
    version: '2.3.4',
    spec: '^2.3.0',
    source: 'registry',
    commands: 'other',
    health: 'ok',
  },
];
const widest = (text: string): number => Math.max(...text.split('\n').map(displayWidth));

describe('tables fitted to the terminal', () => {
  it('fits a table with a long folder path into 80 columns, shortening the path from the middle', () => {
    const text = renderTable(rows, undefined, { color: false, tty: true, columns: 80 });
    expect(widest(text)).toBeLessThanOrEqual(80);
    expect(text).toContain('…');
    expect(text).toContain('/tmp/');
    // names are single words: the path and the wrappable column give way first
    expect(text).toContain('mycli-plugin-other');
  });

  it('wraps a long text cell onto more lines instead of cutting it', () => {
    const text = renderTable(
      [{ name: 'a', about: 'one two three four five six seven eight nine ten eleven twelve' }],
      undefined,
      { color: false, tty: true, columns: 30 },
    );
    expect(widest(text)).toBeLessThanOrEqual(30);
    expect(text.replace(/[│\s]+/g, ' ')).toContain('one two three');
    expect(text).toContain('twelve');
  });

  it('gives each row a block of "heading: value" lines when the columns cannot fit even narrowed', () => {
    const text = renderTable(rows, undefined, { color: false, tty: true, columns: 40 });
    expect(widest(text)).toBeLessThanOrEqual(40);
    expect(text).not.toContain('│');
    expect(text.split('\n\n')).toHaveLength(2);
    expect(text).toMatch(/^name: {5}mycli-plugin-tool$/m);
    expect(text).toMatch(/^spec: {5}\/tmp\/\S*…\S*-1\.0\.0$/m);
    expect(text).toMatch(/^health: {3}ok$/m);
  });

  it('keeps its natural width when the terminal width is unknown', () => {
    const text = renderTable(rows, undefined, { color: false, tty: true });
    expect(text).toContain(longPath);
  });

  it('draws no box when stdout is not a terminal: columns separated by two spaces', () => {
    const text = renderTable(
      [
        { name: 'a', version: '1.0.0' },
        { name: 'longer', version: '2' },
      ],
      undefined,
      { color: false, tty: false },
    );
    expect(text).toBe(['name    version', 'a       1.0.0', 'longer  2'].join('\n'));
  });

  it('aligns plain columns by display width (CJK counts two)', () => {
    const text = renderTable(
      [
        { name: '日本', v: '1' },
        { name: 'abcd', v: '2' },
      ],
      undefined,
      { color: false, tty: false },
    );
    expect(text.split('\n').map((l) => displayWidth(l.split('  ')[0] ?? ''))).toEqual([4, 4, 4]);
  });

  it('narrows the widest column first, down to its longest word, then never below eight columns', () => {
    expect(columnWidths([10, 50, 5], 40)).toEqual([10, 25, 5]);
    expect(columnWidths([18, 60, 30], 60, [[18, 8, 8]])).toEqual([18, 21, 21]);
    expect(
      columnWidths([18, 60, 30], 50, [
        [18, 24, 10],
        [18, 8, 10],
      ]),
    ).toEqual([18, 22, 10]);
    expect(columnWidths([20, 20], 10)).toEqual([8, 8]);
    expect(columnWidths([3, 4], 100)).toEqual([3, 4]);
  });
});
