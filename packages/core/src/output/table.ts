import type { TableColumn } from '../api/output';
import { fitCell, fitColumns, MIN_COLUMN } from './fitColumns';
import { displayWidth, padWidth } from './width';

/** Where a table is drawn. */
export interface TableTarget {
  /** Colour on: bold headings. */
  color: boolean;
  /** stdout is a terminal: box drawing; otherwise a plain layout for pipes and files. */
  tty: boolean;
  /** The terminal width to fit; unknown (not a terminal): the table keeps its natural width. */
  columns?: number;
}

/**
 * Renders rows as a table fitted to `target.columns`: box drawing with cli-table3 (required only
 * here) on a terminal, else columns separated by two spaces with no borders. A terminal too
 * narrow for the columns gets one `heading: value` block per row instead.
 */
export function renderTable(
  rows: readonly Record<string, unknown>[],
  columns: readonly (string | TableColumn)[] | undefined,
  target: TableTarget,
): string {
  const cols: TableColumn[] = (columns ?? Object.keys(rows[0] ?? {})).map((c) =>
    typeof c === 'string' ? { key: c } : c,
  );
  let head = cols.map((c) => c.header ?? c.key);
  let body = rows.map((row) => cols.map((c) => cellText(row[c.key])));
  if (target.columns !== undefined) {
    // A box costs a border per column plus one, and a space each side of every cell; plain, two spaces
    // between columns.
    const overhead = target.tty ? 3 * cols.length + 1 : 2 * (cols.length - 1);
    const fitted = fitColumns(head, body, target.columns - overhead);
    if (!fitted) return records(head, body, target.columns, target.color);
    ({ head, body } = fitted);
  }
  return target.tty ? boxed(head, body, target.color) : plain(head, body, target.color);
}

function boxed(head: string[], body: string[][], color: boolean): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Table = require('cli-table3') as typeof import('cli-table3');
  const table = new Table({
    head,
    // No rule between body rows: compact, and easier to read in a terminal.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    style: color ? { head: ['bold'], border: [] } : { head: [], border: [] },
  });
  for (const row of body) table.push(row);
  return table.toString();
}

function plain(head: string[], body: string[][], color: boolean): string {
  const grid = [head, ...body].map((row) => row.map((cell) => cell.split('\n')));
  const widths = head.map((_, i) => Math.max(...grid.flatMap((row) => (row[i] ?? []).map(displayWidth))));
  const lines: string[] = [];
  grid.forEach((row, r) => {
    const height = Math.max(...row.map((c) => c.length));
    for (let k = 0; k < height; k++) {
      const line = row
        .map((c, i) => padWidth(c[k] ?? '', widths[i] ?? 0))
        .join('  ')
        .trimEnd();
      lines.push(r === 0 && color ? `\x1b[1m${line}\x1b[22m` : line);
    }
  });
  return lines.join('\n');
}

/** Each row as lines of `heading: value` (values wrapped or shortened), rows a blank line apart. */
function records(head: string[], body: string[][], columns: number, color: boolean): string {
  const label = Math.max(...head.map(displayWidth)) + 1;
  const room = Math.max(MIN_COLUMN, columns - label - 2);
  const bold = (s: string): string => (color ? `\x1b[1m${s}\x1b[22m` : s);
  const block = (row: string[]): string[] =>
    row.flatMap((cell, i) =>
      fitCell(cell, room)
        .split('\n')
        .map((line, k) =>
          `${k === 0 ? bold(padWidth(`${head[i] ?? ''}:`, label)) : ' '.repeat(label)} ${line}`.trimEnd(),
        ),
    );
  return body.map((row) => block(row).join('\n')).join('\n\n');
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
