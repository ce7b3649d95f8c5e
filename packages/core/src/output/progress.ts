import type { Progress } from '../api/output';
import type { WritableLike } from '../api/io';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const CLEAR_LINE = '\r\x1b[K';

/** A spinner or bar on `stream`; `draw` false (no TTY, or `--json`) makes it silent. */
export function createProgress(stream: WritableLike, draw: boolean, kind: 'spinner' | 'bar', label: string): Progress {
  let current = label;
  let fraction = 0;
  let frame = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const render = (): void => {
    if (!draw) return;
    const lead = kind === 'spinner' ? (FRAMES[frame++ % FRAMES.length] ?? '') : bar(fraction);
    stream.write(`${CLEAR_LINE}${lead} ${current}`);
  };
  if (draw) {
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
      if (draw) stream.write(CLEAR_LINE);
      draw = false;
      if (finalLine !== undefined) stream.write(`${finalLine}\n`);
    },
  };
}

function bar(fraction: number): string {
  const width = 20;
  const done = Math.round(fraction * width);
  return `[${'#'.repeat(done)}${'-'.repeat(width - done)}] ${String(Math.round(fraction * 100)).padStart(3)}%`;
}
