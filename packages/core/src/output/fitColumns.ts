import { wrap } from '../help/wrap';
import { displayWidth, graphemes, truncateMiddle, truncateWidth } from './width';

/** The narrowest a column is squeezed to (a column already narrower keeps its width). */
export const MIN_COLUMN = 8;

/** The widest line of a cell (cells may hold several lines). */
function cellWidth(cell: string): number {
  return Math.max(0, ...cell.split('\n').map(displayWidth));
}

/** Whether a cell is shortened from the middle rather than wrapped: a path (`/`, no spaces). */
const isPath = (cell: string): boolean => cell.includes('/') && !/\s/.test(cell);

/** A path column is first shortened only down to this many columns, while words are kept whole. */
const PATH_FLOOR = 24;

/**
 * The floors a column is narrowed to, in turn, before any word is cut: text down to its longest
 * word or heading throughout; a path column first to {@link PATH_FLOOR}, then to {@link MIN_COLUMN}.
 */
function softFloors(header: string, cells: readonly string[]): [number, number] {
  const words = cells.filter((c) => !isPath(c)).flatMap((c) => c.split(/\s+/));
  const floor = Math.max(MIN_COLUMN, displayWidth(header), ...words.map(displayWidth));
  return cells.some(isPath) ? [Math.max(floor, PATH_FLOOR), floor] : [floor, floor];
}

/** `from` narrowed, widest column first, until it fits `budget` or every column is at its floor. */
function narrow(
  from: readonly number[],
  natural: readonly number[],
  budget: number,
  floors: readonly number[],
): number[] {
  const widths = [...from];
  let total = widths.reduce((a, b) => a + b, 0);
  while (total > budget) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      const w = widths[i] ?? 0;
      if (w > Math.min(natural[i] ?? 0, floors[i] ?? MIN_COLUMN) && (widest < 0 || w > (widths[widest] ?? 0)))
        widest = i;
    }
    if (widest < 0) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
    total--;
  }
  return widths;
}

/**
 * Column widths whose sum fits `budget` columns: the widest column gives up a column at a time,
 * down to each of `phases` in turn (per-column floors). When none of them makes the table fit,
 * all columns are narrowed evenly from their natural widths down to {@link MIN_COLUMN} (a column
 * already narrower keeps its width); if even that is too wide, the sum stays above `budget`.
 */
export function columnWidths(
  natural: readonly number[],
  budget: number,
  phases: readonly (readonly number[])[] = [],
): number[] {
  let widths = [...natural];
  for (const floors of phases) {
    widths = narrow(widths, natural, budget, floors);
    if (widths.reduce((a, b) => a + b, 0) <= budget) return widths;
  }
  return narrow(natural, natural, budget, []);
}

/** Lines of at most `width` columns: wrapped at spaces (and CJK), an overlong word cut into pieces. */
function hardWrap(text: string, width: number): string[] {
  return wrap(text, width).flatMap((line) => {
    if (displayWidth(line) <= width) return [line];
    const out: string[] = [];
    let piece = '';
    for (const g of graphemes(line)) {
      if (piece !== '' && displayWidth(piece + g) > width) {
        out.push(piece);
        piece = '';
      }
      piece += g;
    }
    return [...out, piece];
  });
}

/**
 * A cell made to fit `width` columns: a path (a value with `/` and no spaces) loses its middle to
 * `…`, other text wraps onto more lines.
 */
export function fitCell(cell: string, width: number): string {
  if (cellWidth(cell) <= width) return cell;
  if (isPath(cell)) return truncateMiddle(cell, width);
  return cell
    .split('\n')
    .flatMap((line) => hardWrap(line, width))
    .join('\n');
}

/**
 * Fits a table's heading and cells into `budget` columns of content (the terminal width less
 * borders, padding and separators): the widest columns are narrowed (paths and wrappable text
 * before words are cut), their cells wrapped or shortened (see {@link fitCell}) and headings
 * truncated. Undefined when the columns cannot fit even at their narrowest.
 */
export function fitColumns(
  head: readonly string[],
  body: readonly string[][],
  budget: number,
): { head: string[]; body: string[][] } | undefined {
  const natural = head.map((h, i) =>
    Math.max(displayWidth(h), ...body.map((row) => cellWidth(row[i] ?? ''))),
  );
  const floors = head.map((h, i) =>
    softFloors(
      h,
      body.map((row) => row[i] ?? ''),
    ),
  );
  const widths = columnWidths(natural, budget, [floors.map((f) => f[0]), floors.map((f) => f[1])]);
  if (widths.reduce((a, b) => a + b, 0) > budget) return undefined;
  return {
    head: head.map((h, i) => truncateWidth(h, widths[i] ?? 0)),
    body: body.map((row) => row.map((cell, i) => fitCell(cell, widths[i] ?? 0))),
  };
}
