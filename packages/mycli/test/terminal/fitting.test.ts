import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { displayWidth } from '../../../core/src/output/width';
import { MYCLI_BIN, makeSandbox, type Sandbox } from '../helpers/cliSandbox';
import { writePlugin } from '../helpers/fixturePlugin';
import { HAVE_TMUX, openPane, type Pane } from '../helpers/tmux';

// Tables and help in a real terminal (tmux): every line fits the pane, so the terminal never has
// to wrap one (the screen reads the same with and without undoing the terminal's wrapping).
if (!HAVE_TMUX)
  console.warn(
    'Skipping the terminal tests: tmux is not installed (apt-get install tmux; .ci/run installs it).',
  );
const describeTmux = HAVE_TMUX ? describe : describe.skip;

const CORE_LIB = resolve(__dirname, '../../../core/lib/index.js');
const JAPANESE =
  'このコマンドは、端末の幅に合わせて説明文を折り返します。日本語の文章には単語の間に空白がないので、文字と文字の間で改行しなければなりません。句読点は行の先頭に来ません。';
// Single-code-point emoji only: tmux 3.3 draws a ZWJ sequence (👨‍👩‍👧‍👦) or a skin tone (👍🏽) as
// several emoji, where other terminals draw one of two columns (wrap's unit tests cover those).
const EMOJI =
  'Emoji take two columns each 🎉 🚀 ✅ and stay whole even without ' +
  'spaces: 🎉🚀✅🎉🚀✅🎉🚀✅🎉🚀✅🎉🚀✅🎉🚀✅🎉🚀✅ done.';

let work: string;
let pane: Pane | undefined;
beforeEach(() => (work = mkdtempSync(join(tmpdir(), 'mycli-fitting-'))));
afterEach(() => {
  pane?.close();
  pane = undefined;
  rmSync(work, { recursive: true, force: true });
});

function expectFits(p: Pane, width: number): string[] {
  const lines = p.screen(true);
  expect(p.screen()).toEqual(lines);
  for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
  return lines;
}

describeTmux('fitting the terminal', () => {
  describe('plugins list', () => {
    let s: Sandbox;
    beforeEach(() => (s = makeSandbox(undefined, join(work, 'npm-cache'))));
    afterEach(() => s.cleanup());

    for (const width of [40, 80, 120]) {
      it(
        `fits ${width} columns with a plugin installed from a long ` +
          `folder path, the path shortened from the middle`,
        async () => {
          const deep = join(
            s.fixtures,
            ...Array.from({ length: 6 }, (_, i) => `a-rather-long-folder-name-${i}`),
          );
          mkdirSync(deep, { recursive: true });
          const folder = writePlugin(deep, { name: 'mycli-plugin-deep', version: '1.0.0' });
          expect((await s.run(['plugins', 'install', folder])).status).toBe(0);
          expect(folder.length).toBeGreaterThan(width);
          const env = { PATH: process.env.PATH ?? '', HOME: join(s.root, 'user'), MYCLI_HOME: s.home };
          pane = openPane([process.execPath, MYCLI_BIN, 'plugins', 'list'], env, width);
          expect(await pane.exitCode()).toBe(0);
          const text = expectFits(pane, width).join('\n');
          expect(text).toContain('mycli-plugin-deep');
          if (width >= 80) expect(text).toMatch(/│ \/\S*…\S*-1\.0\.0 +│/);
          // too narrow for six columns: a block of `heading: value` lines per plugin
          else expect(text).toMatch(/^spec: {5}\/\S*…\S*-1\.0\.0$/m);
        },
      );
    }
  });

  describe('help with Japanese and emoji paragraphs', () => {
    let script: string;
    beforeEach(() => {
      script = join(work, 'wide.js');
      const command = {
        name: 'say',
        summary: 'Says things',
        description: `${JAPANESE}\n${EMOJI}`,
        handler: join(work, 'say.js'),
      };
      writeFileSync(join(work, 'say.js'), 'exports.handler = () => "said";\n');
      writeFileSync(
        script,
        `require(${JSON.stringify(CORE_LIB)}).runMain(require(${JSON.stringify(CORE_LIB)}` +
          `).createCli({ name: 'wide', version: '1.0.0', home: ${JSON.stringify(join(work, 'home'))}` +
          `, commands: [${JSON.stringify(command)}` +
          `] }));\n`,
      );
    });

    for (const width of [40, 80, 120]) {
      it(
        `wraps them within ${width} columns, breaking Japanese between ` +
          `characters and keeping emoji whole`,
        async () => {
          pane = openPane(
            [process.execPath, script, 'say', '--help'],
            { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8' },
            width,
            40,
          );
          expect(await pane.exitCode()).toBe(0);
          const lines = expectFits(pane, width);
          const start = lines.findIndex((l) => l.startsWith('このコマンド'));
          const end = lines.findIndex((l) => l.endsWith('ません。'));
          expect(start).toBeGreaterThan(0);
          expect(lines.slice(start, end + 1).join('')).toBe(JAPANESE);
          if (width < 120) expect(end).toBeGreaterThan(start);
          for (const line of lines) expect(line).not.toMatch(/^[、。]/);
          expect(lines.join('')).toContain('🎉🚀✅🎉🚀✅🎉🚀✅🎉🚀✅🎉🚀✅🎉🚀✅🎉🚀✅');
          expect(lines.join(' ')).toContain('done.');
        },
      );
    }
  });
});
