import { booleanWord } from '../parsing/coerce';

/** The global flags every command accepts, taken out of argv before routing and parsing. */
export interface GlobalFlags {
  json: boolean;
  debug: boolean;
  noColor: boolean;
  help: boolean;
  version: boolean;
  /** `--show-inputs-only`: print every input of the command and where it came from; run nothing. */
  showInputsOnly: boolean;
}

/** Name, aliases and summary of each global option (for help, completion and docs). */
export const GLOBAL_OPTIONS: readonly {
  flag: string;
  short?: string;
  summary: string;
  rootOnly?: boolean;
}[] = [
  {
    flag: '--json',
    summary: 'Print one JSON document { success, exitCode, data, message, error } on stdout',
  },
  { flag: '--debug', summary: 'Show stack traces of errors' },
  { flag: '--no-color', summary: 'Turn colour off (also NO_COLOR=1)' },
  { flag: '--help', short: '-h', summary: 'Show help' },
  {
    flag: '--show-inputs-only',
    summary: 'Show each input, its value and where it came from (secure ones masked); run nothing',
  },
  {
    flag: '--version',
    short: '-V',
    summary: 'Show the version (with --debug: also the framework, Node and platform)',
    rootOnly: true,
  },
];

// `--json`, `--json=<word>`, `--no-json` (and the same for `--debug`).
const SWITCH = /^--(no-)?(json|debug)(?:=([\s\S]*))?$/;

/**
 * Splits global flags from the rest of argv; arguments after `--` are left alone. `--json` and
 * `--debug` also take `=true|false|yes|no|1|0|on|off` and a `--no-` form; `invalid` is the first
 * such flag with any other value (the engine reports it as a usage error).
 */
export function extractGlobalFlags(argv: readonly string[]): {
  flags: GlobalFlags;
  rest: string[];
  invalid?: string;
} {
  const flags: GlobalFlags = {
    json: false,
    debug: false,
    noColor: false,
    help: false,
    version: false,
    showInputsOnly: false,
  };
  const rest: string[] = [];
  let invalid: string | undefined;
  let afterDashDash = false;
  for (const arg of argv) {
    const toggle = afterDashDash ? null : SWITCH.exec(arg);
    if (afterDashDash) rest.push(arg);
    else if (arg === '--') {
      afterDashDash = true;
      rest.push(arg);
    } else if (toggle) {
      const word = toggle[3];
      const value = word === undefined ? true : toggle[1] ? undefined : booleanWord(word);
      if (value === undefined) invalid ??= arg;
      else flags[toggle[2] as 'json' | 'debug'] = toggle[1] ? false : value;
    } else if (arg === '--no-color') flags.noColor = true;
    else if (arg === '--help' || arg === '-h') flags.help = true;
    else if (arg === '--version' || arg === '-V') flags.version = true;
    else if (arg === '--show-inputs-only') flags.showInputsOnly = true;
    else rest.push(arg);
  }
  return { flags, rest, ...(invalid === undefined ? {} : { invalid }) };
}
