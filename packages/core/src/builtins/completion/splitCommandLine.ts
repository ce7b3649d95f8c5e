/**
 * Splits a PowerShell command line, as typed up to the cursor, into the words after the command
 * name; the last word is the one being completed (empty when the line ends in whitespace).
 * Quoting follows PowerShell: `'…'` is literal (`''` inside is one quote), `"…"` and bare words
 * take a backtick as escape. An unclosed quote ends with the line (the word is still being typed).
 */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote === "'") {
      if (c !== "'") word += c;
      else if (line[i + 1] === "'") word += line[++i];
      else quote = undefined;
    } else if (c === '`' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else word += c;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      inWord = true;
      if (c === "'" || c === '"') quote = c;
      else word += c;
    }
  }
  words.push(word);
  return words.slice(1);
}
