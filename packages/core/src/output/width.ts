// Display width: how many terminal columns text takes. East Asian wide characters and emoji
// (ZWJ sequences included) take 2, combining marks and ANSI escapes 0. string-width is required
// on first use, so modules that import this one cost nothing until something is measured.

// eslint-disable-next-line no-control-regex -- ANSI escapes start with ESC
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const widths = new Map<string, number>();
/** Code points that join with their neighbours: marks, ZWJ, skin tones, flags, tags, Hangul jamo. */
const JOINING =
  /\p{M}|\u200d|[\u1160-\u11ff]|\p{Emoji_Modifier}|\p{Regional_Indicator}|[\u{e0020}-\u{e007f}]/u;
let segmenter: Intl.Segmenter | undefined;
let measure: ((s: string) => number) | undefined;

/** The columns `text` takes in a terminal (ANSI escapes count 0). */
export function displayWidth(text: string): number {
  // Printable ASCII (most text) takes a column a character: no need for string-width's regexes.
  if (PRINTABLE_ASCII.test(text)) return text.length;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  measure ??= require('string-width') as (s: string) => number;
  if (text.length > 16) return measure(text);
  // Short strings (single characters, while wrapping and cutting) repeat: remember their widths.
  let width = widths.get(text);
  if (width === undefined) widths.set(text, (width = measure(text)));
  return width;
}

/** The user-perceived characters of `text`: an emoji ZWJ sequence or a letter with its accents is one. */
export function graphemes(text: string): string[] {
  // Without anything that joins code points, each is a character: skip the (slow to load) segmenter.
  if (!JOINING.test(text)) return Array.from(text);
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** `text` split into ANSI escapes and runs of plain text, in order. */
function pieces(text: string): { text: string; escape: boolean }[] {
  const out: { text: string; escape: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(ANSI)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), escape: false });
    out.push({ text: m[0], escape: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), escape: false });
  return out;
}

/**
 * `text` cut to at most `max` columns, ending in `ellipsis` when something was cut. Whole
 * characters only (a wide character that would straddle the edge is dropped); ANSI escapes are
 * kept, and a reset is appended when text with escapes was cut.
 */
export function truncateWidth(text: string, max: number, ellipsis = '…'): string {
  if (displayWidth(text) <= max) return text;
  const room = max - displayWidth(ellipsis);
  if (room < 0) return '';
  let out = '';
  let used = 0;
  let styled = false;
  for (const piece of pieces(text)) {
    if (piece.escape) {
      styled = true;
      out += piece.text;
      continue;
    }
    for (const g of graphemes(piece.text)) {
      const w = displayWidth(g);
      if (used + w > room) return `${out}${ellipsis}${styled ? '\x1b[0m' : ''}`;
      out += g;
      used += w;
    }
  }
  return `${out}${ellipsis}${styled ? '\x1b[0m' : ''}`;
}

/**
 * `text` (plain, e.g. a path) cut to at most `max` columns by replacing its middle with `…`,
 * keeping more of the end (a path's file name) than of the start.
 */
export function truncateMiddle(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  if (max <= 1) return max === 1 ? '…' : '';
  const chars = graphemes(text);
  const widths = chars.map(displayWidth);
  let headRoom = Math.floor((max - 1) / 2);
  let tailRoom = max - 1 - headRoom;
  let head = '';
  for (let i = 0; i < chars.length && (widths[i] ?? 0) <= headRoom; i++) {
    head += chars[i];
    headRoom -= widths[i] ?? 0;
  }
  tailRoom += headRoom;
  let tail = '';
  for (let i = chars.length - 1; i >= 0 && (widths[i] ?? 0) <= tailRoom; i--) {
    tail = `${chars[i] ?? ''}${tail}`;
    tailRoom -= widths[i] ?? 0;
  }
  return `${head}…${tail}`;
}

/** `text` padded with spaces on the right to `width` columns. */
export function padWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
