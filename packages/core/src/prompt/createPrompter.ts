import type { CliIO } from '../api/io';
import { registerCleanup } from '../cli/runMain';
import type { Prompter } from '../profiles/types';
import { interruptedOrSame, promptUnavailable, unavailableReason } from './promptErrors';

/** Options of {@link createPrompter}. */
export interface PrompterOptions {
  /** `--json` is on: no prompt is ever shown. */
  json: boolean;
  /** The command line to point at in `EDICT_PROMPT_UNAVAILABLE` hints (`mycli greet --help`). */
  helpCommand?: string;
}

type PromptContext = { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; signal: AbortSignal };

// A fresh stream per prompt: the prompt library ends its output when done, and stderr must live on.
function promptOutput(io: CliIO): NodeJS.WritableStream {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only runs that prompt need it
  const { Writable } = require('node:stream') as typeof import('node:stream');
  const out = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      io.stderr.write(chunk.toString());
      done();
    },
  });
  // The library sizes its lines to the output's width.
  return Object.assign(out, { columns: io.stderrColumns ?? io.columns ?? 80 });
}

/**
 * The terminal {@link Prompter} of a run: questions on stderr (stdout stays for results),
 * answers from `io.stdin`. Each prompt library is required only when its first prompt is shown.
 * Without a terminal on stdin and stderr, or under `--json`, every method throws
 * `EDICT_PROMPT_UNAVAILABLE`; Ctrl-C at a prompt throws `EDICT_INTERRUPTED` (exit 130).
 */
export function createPrompter(io: CliIO, options: PrompterOptions): Prompter {
  // stderr first: telling whether stdin is a terminal can cost a module load.
  const interactive = !options.json && io.stderrIsTTY && io.stdinIsTTY === true;
  const instead = options.helpCommand
    ? `Run it in a terminal, or give the value as an option or environment variable (${options.helpCommand})`
    : 'Run it in a terminal, or give the value as an option or environment variable';
  const ask = async <T>(question: string, show: (context: PromptContext) => Promise<T>): Promise<T> => {
    const input = interactive ? io.stdin : undefined;
    if (input === undefined) throw promptUnavailable(question, unavailableReason(io, options.json), instead);
    // A signal under runMain closes the prompt (restoring the terminal) and ends the run.
    const controller = new AbortController();
    const unregister = registerCleanup((signal) => controller.abort(signal ?? 'SIGTERM'));
    try {
      return await show({ input, output: promptOutput(io), signal: controller.signal });
    } catch (err) {
      throw interruptedOrSame(err);
    } finally {
      unregister();
    }
  };
  /* eslint-disable @typescript-eslint/no-require-imports -- each prompt library loads on its first prompt */
  return {
    interactive,
    text: (message, opts = {}) =>
      ask(message, (context) =>
        (require('@inquirer/input') as typeof import('@inquirer/input')).default(
          { message, ...(opts.default === undefined ? {} : { default: opts.default }) },
          context,
        ),
      ),
    password: (message) =>
      ask(message, (context) =>
        (require('@inquirer/password') as typeof import('@inquirer/password')).default(
          { message, mask: false },
          context,
        ),
      ),
    confirm: (message, opts = {}) =>
      ask(message, (context) =>
        (require('@inquirer/confirm') as typeof import('@inquirer/confirm')).default(
          { message, ...(opts.default === undefined ? {} : { default: opts.default }) },
          context,
        ),
      ),
    select: <T extends string>(message: string, choices: readonly (T | { value: T; name?: string })[]) =>
      ask(message, (context) =>
        (require('@inquirer/select') as typeof import('@inquirer/select')).default<T>(
          {
            message,
            choices: choices.map((c) => (typeof c === 'string' ? { value: c, name: c } : c)),
          },
          context,
        ),
      ),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}
