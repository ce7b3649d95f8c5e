import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const repo = join(__dirname, '..', '..', '..', '..');
const doc = readFileSync(join(repo, 'docs', 'plugins.md'), 'utf8');
const example = join(repo, 'packages', 'mycli', 'examples', 'hello-plugin');

/** The fenced block that follows `<!-- example: <file> -->` in docs/plugins.md. */
function embedded(file: string): string | undefined {
  const marker = `<!-- example: ${file} -->\n`;
  const start = doc.indexOf(marker);
  if (start < 0) return undefined;
  const body = doc.slice(start + marker.length).replace(/^```\w*\n/, '');
  return body.slice(0, body.indexOf('\n```'));
}

describe('docs/plugins.md', () => {
  it.each(['package.json', 'commands.js', 'handlers/world.js'])(
    'shows %s exactly as the sample plugin has it',
    (file) => {
      expect(embedded(file)).toBe(readFileSync(join(example, file), 'utf8').trimEnd());
    },
  );

  // The snippet runs in a child process on the built packages, as a plugin author's test would
  // (jest's own module system cannot import() the plugin's files).
  function runSnippet(argv: string[]): { exitCode: number; result: unknown; stderr: string } {
    const core = JSON.stringify(join(repo, 'packages/core/lib/index.js'));
    const testing = JSON.stringify(join(repo, 'packages/testing/lib/index.js'));
    const program = `
      const { createCli } = require(${core});
      const { loadPluginCommands, runCommand } = require(${testing});
      (async () => {
        const commands = await loadPluginCommands(${JSON.stringify(example)});
        const cli = createCli({ name: 'mycli', version: '0.1.0', commands });
        const r = await runCommand({ cli, argv: ${JSON.stringify(argv)} });
        process.stdout.write(JSON.stringify({ exitCode: r.exitCode, result: r.result, stderr: r.stderr }));
      })();`;
    const child = spawnSync(process.execPath, ['-e', program], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    return JSON.parse(child.stdout) as { exitCode: number; result: unknown; stderr: string };
  }

  it('runs the sample plugin the way its testing section says', () => {
    const r = runSnippet(['hello', 'world', 'Ada', '--json']);
    expect(r.exitCode).toBe(0);
    expect(r.result).toEqual({ greeting: 'Hello, Ada!', name: 'Ada' });
    const bad = runSnippet(['hello', 'world', 'R2D2']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('"R2D2" is not a name.');
  });
});
