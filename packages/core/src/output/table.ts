import type { TableColumn } from '../api/output';

/** Renders rows as a table with cli-table3 (required only here); plain borders when colour is off. */
export function renderTable(rows: readonly Record<string, unknown>[], columns: readonly (string | TableColumn)[] | undefined, color: boolean): string {
  const cols: TableColumn[] = (columns ?? Object.keys(rows[0] ?? {})).map((c) => (typeof c === 'string' ? { key: c } : c));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Table = require('cli-table3') as typeof import('cli-table3');
  const table = new Table({
    head: cols.map((c) => c.header ?? c.key),
    // No rule between body rows: compact, and easier to read in a terminal.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    style: color ? { head: ['bold'], border: [] } : { head: [], border: [] },
  });
  for (const row of rows) table.push(cols.map((c) => cellText(row[c.key])));
  return table.toString();
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
