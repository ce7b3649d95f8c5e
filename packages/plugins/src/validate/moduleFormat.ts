/** A CommonJS name an ES module uses, and where (1-based line and column). */
export interface CommonJsUse {
  what: string;
  line: number;
  column: number;
}

/**
 * `source` with comments and string and template literals blanked to spaces (newlines kept), so
 * that a name inside them is not taken for code and positions stay where they were.
 */
export function codeOnly(source: string): string {
  const out = source.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    let end = i + 1;
    if (c === '/' && next === '/') end = lineEnd(source, i);
    else if (c === '/' && next === '*') end = closing(source, i + 2, '*/');
    else if (c === '"' || c === "'" || c === '`') end = quoteEnd(source, i + 1, c);
    else {
      i++;
      continue;
    }
    blank(i, end);
    i = end;
  }
  return out.join('');
}

function lineEnd(s: string, from: number): number {
  const n = s.indexOf('\n', from);
  return n < 0 ? s.length : n;
}

function closing(s: string, from: number, mark: string): number {
  const n = s.indexOf(mark, from);
  return n < 0 ? s.length : n + mark.length;
}

function quoteEnd(s: string, from: number, quote: string): number {
  for (let k = from; k < s.length; k++) {
    if (s[k] === '\\') k++;
    else if (s[k] === quote) return k + 1;
    else if (s[k] === '\n' && quote !== '`') return k;
  }
  return s.length;
}

// A use not preceded by `.` (a method or property of something else) or a name character.
const USES: [what: string, pattern: RegExp, name: string][] = [
  ['require()', /(?<![.\w$])require\s*\(/, 'require'],
  ['module.exports', /(?<![.\w$])module\s*\.\s*exports\b/, 'module'],
  ['exports.', /(?<![.\w$])exports\s*\.\s*[\w$]+\s*=(?!=)/, 'exports'],
];

/**
 * The first CommonJS name (`require()`, `module.exports`, `exports.x =`) an ES module's source
 * uses without declaring it (`const require = createRequire(import.meta.url)` declares it): in an
 * ES module those names are not defined, so the file throws a ReferenceError when it runs. Read
 * statically: no code runs.
 */
export function commonJsUseIn(source: string): CommonJsUse | undefined {
  const code = codeOnly(source);
  let first: { what: string; index: number } | undefined;
  for (const [what, pattern, name] of USES) {
    const declared = new RegExp(`\\b(?:const|let|var|function|class)\\s+${name}\\b|[{,]\\s*${name}\\s*[,}]`);
    if (declared.test(code)) continue;
    const m = pattern.exec(code);
    if (m && (!first || m.index < first.index)) first = { what, index: m.index };
  }
  if (!first) return undefined;
  const before = code.slice(0, first.index);
  const line = before.split('\n').length;
  return { what: first.what, line, column: first.index - before.lastIndexOf('\n') };
}
