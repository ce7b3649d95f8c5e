import { runCleanups } from '../../src/cli/runMain';
import { createProgress } from '../../src/output/progress';
import { displayWidth } from '../../src/output/width';

function collector(): { write(s: string): boolean; text: string } {
  return {
    text: '',
    write(s: string) {
      this.text += s;
      return true;
    },
  };
}
// eslint-disable-next-line no-control-regex -- terminal escapes start with ESC
const ESCAPES = /\x1b\[[0-9;?]*[A-Za-z]/g;
// The visible text of each frame: what follows a carriage return, without escapes.
const frames = (text: string): string[] =>
  text
    .split('\r')
    .slice(1)
    .map((f) => f.replace(ESCAPES, ''))
    .filter((f) => f !== '');

describe('progress display', () => {
  it('cuts every frame to one column less than the terminal, so a long label never wraps', () => {
    const out = collector();
    const p = createProgress(out, { draw: true, columns: 40 }, 'spinner', `Installing ${'x'.repeat(90)}`);
    p.update(`Fetching ${'日本語'.repeat(20)}`);
    p.stop('Installed.');
    expect(frames(out.text).length).toBeGreaterThanOrEqual(2);
    for (const f of frames(out.text)) expect(displayWidth(f.replace(/\n.*/s, ''))).toBeLessThanOrEqual(39);
    expect(out.text).not.toContain('\n\r');
    expect(out.text.endsWith('Installed.\n')).toBe(true);
  });

  it('hides the cursor while shown and shows it again when stopped', () => {
    const out = collector();
    const p = createProgress(out, { draw: true, columns: 80 }, 'bar', 'Working');
    expect(out.text.startsWith('\x1b[?25l')).toBe(true);
    p.update('Working', 0.5);
    expect(out.text).toContain('[##########----------]  50%');
    p.stop();
    expect(out.text.endsWith('\r\x1b[K\x1b[?25h')).toBe(true);
  });

  it('writes nothing at all when it may not draw, except the final line in plain text', () => {
    const out = collector();
    const p = createProgress(out, { draw: false, columns: 80 }, 'spinner', 'Working');
    p.update('Still working');
    p.stop('Done.');
    expect(out.text).toBe('Done.\n');
  });

  it('registers a cleanup that clears the line and restores the cursor until it is stopped', () => {
    const out = collector();
    createProgress(out, { draw: true, columns: 80 }, 'spinner', 'Working');
    out.text = '';
    runCleanups();
    expect(out.text).toBe('\r\x1b[K\x1b[?25h');
    const stopped = collector();
    createProgress(stopped, { draw: true, columns: 80 }, 'spinner', 'Working').stop();
    stopped.text = '';
    runCleanups();
    expect(stopped.text).toBe('');
  });
});
