import { displayWidth, graphemes } from '../output/width';

/** Characters a line must not start with (closing punctuation, small kana): kept with what precedes. */
const NO_START = new Set([
  ...'、。，．・：；？！ー）」』】〕〉》〙〗”’,.!?:;)]}…ゃゅょっぁぃぅぇぉゎャュョッァィゥェォヮ々',
]);
/** Characters a line must not end with (opening brackets): kept with what follows. */
const NO_END = new Set([...'（「『【〔〈《〘〖“‘([{']);

/** A piece of a paragraph no line break falls inside. */
interface Unit {
  text: string;
  width: number;
  /** Whether a space separated it from the previous unit (dropped at a line break). */
  spaced: boolean;
}

/**
 * Splits a paragraph at its break opportunities: plain spaces, and around every wide character
 * (CJK, emoji), so text without spaces still breaks. A word, a wide character or an emoji
 * sequence is never split.
 */
function units(paragraph: string): Unit[] {
  const out: Unit[] = [];
  let word = '';
  let spaced = false;
  const flush = (): void => {
    if (word !== '') out.push({ text: word, width: displayWidth(word), spaced });
    word = '';
    spaced = false;
  };
  for (const token of paragraph.split(/([ \t]+)/)) {
    if (token === '') continue;
    if (/^[ \t]/.test(token)) {
      flush();
      spaced = true;
    } else if (/^[\x21-\x7e\u00a0]+$/.test(token)) word += token;
    // Only text beyond ASCII is looked at character by character (slower, and rarely needed).
    else for (const g of graphemes(token)) addGrapheme(g);
  }
  flush();
  return out;

  function addGrapheme(g: string): void {
    const last = out[out.length - 1];
    if (NO_START.has(g) && word === '' && last && !spaced) {
      last.text += g;
      last.width += displayWidth(g);
    } else if (displayWidth(g) >= 2) {
      // A wide character is a unit of its own, with any opening bracket just before it.
      if (word !== '' && ![...word].every((c) => NO_END.has(c))) flush();
      word += g;
      flush();
    } else word += g;
  }
}

/**
 * Wraps `text` to `width` terminal columns, measured by display width (a CJK character or an
 * emoji takes 2). Breaks at spaces and between CJK characters; a word longer than a line is left
 * whole. No-break spaces (U+00A0) hold a fact like `[env: X]` together and come out as spaces.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const unit of units(paragraph)) {
      const gap = unit.spaced && line !== '' ? 1 : 0;
      if (line !== '' && used + gap + unit.width > width) {
        lines.push(line);
        line = unit.text;
        used = unit.width;
      } else {
        line += (gap ? ' ' : '') + unit.text;
        used += gap + unit.width;
      }
    }
    lines.push(line);
  }
  return lines.map((l) => l.replace(/\u00a0/g, ' '));
}

/**
 * Two columns: terms on the left, wrapped descriptions on the right. A term too wide for the
 * left column gets its description on the following lines.
 */
export function twoColumns(
  rows: readonly [string, string][],
  columns: number,
  style: (term: string) => string = (t) => t,
): string[] {
  const indent = 2;
  const widest = Math.max(0, ...rows.map(([term]) => displayWidth(term)));
  const left = Math.min(widest, Math.max(16, Math.floor(columns * 0.4)));
  const right = Math.max(20, columns - indent - left - 2);
  const out: string[] = [];
  for (const [term, description] of rows) {
    const wrapped = description ? wrap(description, right) : [''];
    const pad = ' '.repeat(indent + left + 2);
    const termWidth = displayWidth(term);
    if (termWidth > left) {
      out.push(`${' '.repeat(indent)}${style(term)}`);
      for (const line of wrapped) if (line) out.push(`${pad}${line}`);
    } else {
      out.push(
        `${' '.repeat(indent)}${style(term)}${' '.repeat(left - termWidth + 2)}${wrapped[0] ?? ''}`.trimEnd(),
      );
      for (const line of wrapped.slice(1)) out.push(`${pad}${line}`);
    }
  }
  return out;
}
