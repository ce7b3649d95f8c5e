/** The global flags every command accepts, taken out of argv before routing and parsing. */
export interface GlobalFlags {
  json: boolean;
  debug: boolean;
  noColor: boolean;
  help: boolean;
  version: boolean;
}

/** Name, aliases and summary of each global option (for help, completion and docs). */
export const GLOBAL_OPTIONS: readonly { flag: string; short?: string; summary: string; rootOnly?: boolean }[] = [
  { flag: '--json', summary: 'Print one JSON document { success, exitCode, data, message, error } on stdout' },
  { flag: '--debug', summary: 'Show stack traces of errors' },
  { flag: '--no-color', summary: 'Turn colour off (also NO_COLOR=1)' },
  { flag: '--help', short: '-h', summary: 'Show help' },
  { flag: '--version', short: '-V', summary: 'Show the version', rootOnly: true },
];

/** Splits global flags from the rest of argv; arguments after `--` are left alone. */
export function extractGlobalFlags(argv: readonly string[]): { flags: GlobalFlags; rest: string[] } {
  const flags: GlobalFlags = { json: false, debug: false, noColor: false, help: false, version: false };
  const rest: string[] = [];
  let afterDashDash = false;
  for (const arg of argv) {
    if (afterDashDash) rest.push(arg);
    else if (arg === '--') {
      afterDashDash = true;
      rest.push(arg);
    } else if (arg === '--json') flags.json = true;
    else if (arg === '--debug') flags.debug = true;
    else if (arg === '--no-color') flags.noColor = true;
    else if (arg === '--help' || arg === '-h') flags.help = true;
    else if (arg === '--version' || arg === '-V') flags.version = true;
    else rest.push(arg);
  }
  return { flags, rest };
}
