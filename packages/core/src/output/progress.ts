import type { Progress } from '../api/output';
import type { WritableLike } from '../api/io';
import { registerCleanup } from '../cli/runMain';
import { truncateWidth } from './width';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const CLEAR_LINE = '\r\x1b[K';
const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';

/** Where and whether a progress indicator draws. */
export interface ProgressTarget {
  /** False (not a terminal, `TERM=dumb`, `--json`): nothing is drawn, not even an escape code. */
  draw: boolean;
  /** The terminal's width; each frame is cut to one column less, so it never wraps. */
  columns: number;
}

/**
 * A spinner or bar on `stream`, one line redrawn in place with the cursor hidden. While it is
 * shown, a cleanup is registered (see `registerCleanup`) that clears the line and shows the
 * cursor again if the process is interrupted.
 */
export function createProgress(
  stream: WritableLike,
  target: ProgressTarget,
  kind: 'spinner' | 'bar',
  label: string,
): Progress {
  let draw = target.draw;
  let current = label;
  let fraction = 0;
  let frame = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  let unregister: (() => void) | undefined;
  const render = (): void => {
    if (!draw) return;
    const lead = kind === 'spinner' ? (FRAMES[frame++ % FRAMES.length] ?? '') : bar(fraction);
    // Text first, then clear to the end of the line: no blank flash between frames.
    stream.write(`\r${truncateWidth(`${lead} ${current}`, Math.max(1, target.columns - 1))}\x1b[K`);
  };
  if (draw) {
    unregister = registerCleanup(() => stream.write(`${CLEAR_LINE}${SHOW_CURSOR}`));
    stream.write(HIDE_CURSOR);
    render();
    if (kind === 'spinner') {
      timer = setInterval(render, 80);
      // The spinner must never keep the process alive on its own.
      timer.unref();
    }
  }
  return {
    update(nextLabel, nextFraction) {
      current = nextLabel;
      if (nextFraction !== undefined) fraction = Math.min(1, Math.max(0, nextFraction));
      render();
    },
    stop(finalLine) {
      if (timer) clearInterval(timer);
      timer = undefined;
      if (draw) stream.write(`${CLEAR_LINE}${SHOW_CURSOR}`);
      draw = false;
      unregister?.();
      unregister = undefined;
      if (finalLine !== undefined) stream.write(`${finalLine}\n`);
    },
  };
}

function bar(fraction: number): string {
  const width = 20;
  const done = Math.round(fraction * width);
  return (
    `[${'#'.repeat(done)}${'-'.repeat(width - done)}` + `] ${String(Math.round(fraction * 100)).padStart(3)}%`
  );
}
