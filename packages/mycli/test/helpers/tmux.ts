import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether tmux can be run here (the terminal tests are skipped, saying so, when it cannot). */
export const HAVE_TMUX = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;

/** A command running in a real terminal: a detached tmux pane of a fixed size. */
export interface Pane {
  /** The screen's lines, trailing blank ones dropped; `joined` undoes the terminal's own wrapping. */
  screen(joined?: boolean): string[];
  /** Every byte the command wrote to the terminal. */
  raw(): string;
  /** Keys typed into the pane (tmux names: `C-c`, `Enter`). */
  keys(...keys: string[]): void;
  /** Whether the terminal's cursor is visible. */
  cursorVisible(): boolean;
  /** Resolves to the command's exit code once it has ended (rejects after `ms`). */
  exitCode(ms?: number): Promise<number>;
  /** Waits until `probe` is true (rejects after `ms`). */
  until(probe: () => boolean, ms?: number, what?: string): Promise<void>;
  close(): void;
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
const EXIT = /__EXIT:(\d+)__/;

/**
 * Starts `argv` (with exactly `env`, plus the pane's TERM unless `env` sets one) in a new tmux
 * server of its own, in a `width`×`height` pane. The command starts only once its output is
 * being recorded; the pane stays open after it ends, its exit code printed as `__EXIT:<n>__`.
 */
export function openPane(
  argv: readonly string[],
  env: Record<string, string>,
  width: number,
  height = 20,
): Pane {
  const dir = mkdtempSync(join(tmpdir(), 'edict-tmux-'));
  const sock = join(dir, 'sock');
  const log = join(dir, 'raw');
  const tmux = (...args: string[]): string => {
    const r = spawnSync('tmux', ['-u', '-f', '/dev/null', '-S', sock, ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  };
  const vars = Object.entries({ ...env }).map(([k, v]) => `${k}=${quote(v)}`);
  const term = env.TERM === undefined ? ['TERM="$TERM"'] : [];
  // The shell keeps running on Ctrl-C (a trap, which children do not inherit) to print the code.
  const script =
    `trap 'true' INT; stty -echo; read _; stty echo; env -i ${[...term, ...vars].join(' ')}` +
    ` ${argv.map(quote).join(' ')}` +
    `; echo "__EXIT:$?__"; sleep 600`;
  tmux(
    'new-session',
    '-d',
    '-x',
    String(width),
    '-y',
    String(height),
    '-s',
    'edict',
    `sh -c ${quote(script)}`,
  );
  tmux('pipe-pane', '-o', '-t', 'edict', `cat > ${quote(log)}`);
  tmux('send-keys', '-t', 'edict', 'Enter');
  const screen = (joined = false): string[] => {
    const lines = tmux('capture-pane', '-p', ...(joined ? ['-J'] : []), '-t', 'edict').split('\n');
    while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
    return lines;
  };
  const until = async (probe: () => boolean, ms = 60000, what = 'the condition'): Promise<void> => {
    const end = Date.now() + ms;
    while (!probe()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; screen:\n${screen().join('\n')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return {
    screen,
    raw: () => {
      try {
        return readFileSync(log, 'utf8');
      } catch {
        return '';
      }
    },
    keys: (...keys) => void tmux('send-keys', '-t', 'edict', ...keys),
    cursorVisible: () => tmux('display', '-p', '-t', 'edict', '#{cursor_flag}').trim() === '1',
    async exitCode(ms = 60000) {
      await until(() => EXIT.test(screen(true).join('\n')), ms, 'the command to end');
      return Number(EXIT.exec(screen(true).join('\n'))?.[1]);
    },
    until,
    close() {
      spawnSync('tmux', ['-S', sock, 'kill-server']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
