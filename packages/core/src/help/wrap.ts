/** Wraps `text` to `width` columns (words longer than a line are left whole). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    // Split on plain spaces only: no-break spaces hold a fact like `[env: X]` together.
    for (const word of paragraph.split(/[ \t]+/).filter((w) => w !== '')) {
      if (line !== '' && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    lines.push(line);
  }
  return lines.map((l) => l.replace(/\u00a0/g, ' '));
}

/**
 * Two columns: terms on the left, wrapped descriptions on the right. A term too wide for the
 * left column gets its description on the following lines.
 */
export function twoColumns(rows: readonly [string, string][], columns: number, style: (term: string) => string = (t) => t): string[] {
  const indent = 2;
  const widest = Math.max(0, ...rows.map(([term]) => term.length));
  const left = Math.min(widest, Math.max(16, Math.floor(columns * 0.4)));
  const right = Math.max(20, columns - indent - left - 2);
  const out: string[] = [];
  for (const [term, description] of rows) {
    const wrapped = description ? wrap(description, right) : [''];
    const pad = ' '.repeat(indent + left + 2);
    if (term.length > left) {
      out.push(`${' '.repeat(indent)}${style(term)}`);
      for (const line of wrapped) if (line) out.push(`${pad}${line}`);
    } else {
      out.push(`${' '.repeat(indent)}${style(term)}${' '.repeat(left - term.length + 2)}${wrapped[0] ?? ''}`.trimEnd());
      for (const line of wrapped.slice(1)) out.push(`${pad}${line}`);
    }
  }
  return out;
}
