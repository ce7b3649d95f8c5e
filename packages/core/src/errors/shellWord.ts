/** `value` as one shell word, as printed in hints: single-quoted when it has anything a shell would read. */
export function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
