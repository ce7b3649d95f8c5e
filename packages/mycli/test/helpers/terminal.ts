import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** A shell running in a real pseudo-terminal (a private tmux server), typed into and read back. */
export interface Terminal {
  /** Sends text (literally) and then any tmux key names (`Tab`, `Enter`, `C-c`). */
  send(text: string, ...keys: string[]): void;
  /** The visible screen, trailing blank lines dropped. */
  screen(): string;
  /** Polls the screen until `pattern` matches (up to `ms`); throws with the screen when it never does. */
  waitFor(pattern: RegExp, ms?: number): Promise<string>;
  /** Aborts the line and clears the screen, then waits for the prompt. */
  reset(): Promise<void>;
  close(): void;
}

/** Whether a program is on PATH (tests of a shell that is missing are skipped). */
export function hasProgram(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

/**
 * Starts `command` in a new tmux server whose socket is in `dir`, with exactly `env`, on a
 * 160×40 screen. `prompt` is the prompt text the shell is set up to print.
 */
export async function startTerminal(
  dir: string,
  command: readonly string[],
  env: Record<string, string>,
  prompt = '$ ',
): Promise<Terminal> {
  const socket = join(dir, 'tmux.sock');
  const tmux = (...args: string[]): string => {
    const r = spawnSync('tmux', ['-S', socket, '-f', '/dev/null', ...args], { encoding: 'utf8', env });
    if (r.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  };
  tmux('new-session', '-d', '-x', '160', '-y', '40', '-s', 't', '--', ...command);
  const screen = (): string => tmux('capture-pane', '-p', '-t', 't').replace(/\s+$/, '');
  const waitFor = async (pattern: RegExp, ms = 8000): Promise<string> => {
    const until = Date.now() + ms;
    for (;;) {
      const text = screen();
      if (pattern.test(text)) return text;
      if (Date.now() > until) throw new Error(`the screen never matched ${pattern}:\n${text}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const promptLine = new RegExp(`${prompt.replace(/[$]/g, '\\$').trimEnd()}\\s*$`);
  const terminal: Terminal = {
    send: (text, ...keys) => {
      if (text) tmux('send-keys', '-t', 't', '-l', text);
      if (keys.length) tmux('send-keys', '-t', 't', ...keys);
    },
    screen,
    waitFor,
    reset: async () => {
      terminal.send('', 'C-c');
      await waitFor(promptLine);
      terminal.send('', 'C-l');
      await waitFor(new RegExp(`^${promptLine.source}`));
    },
    close: () => {
      spawnSync('tmux', ['-S', socket, 'kill-server'], { env });
    },
  };
  await waitFor(promptLine);
  return terminal;
}
