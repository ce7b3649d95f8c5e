import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// docs/getting-started.md builds a CLI from four files; this test writes exactly those blocks
// into a project and runs the commands the page shows, so the page cannot drift from the code.
const repo = join(__dirname, '..', '..', '..', '..');
const page = readFileSync(join(repo, 'docs', 'getting-started.md'), 'utf8');
const blocks = [...page.matchAll(/```(json|js)\n([\s\S]*?)```/g)].map((m) => m[2] ?? '');
const files: Record<string, string | undefined> = {
  'package.json': blocks[0],
  'lib/main.js': blocks[1],
  'lib/greet.js': blocks[2],
  'bin/hello.js': blocks[3],
};

describe('docs/getting-started.md', () => {
  let project: string;
  const hello = (...argv: string[]) =>
    spawnSync(process.execPath, [join(project, 'bin', 'hello.js'), ...argv], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HELLO_HOME: join(project, 'home'), NO_COLOR: '1' },
    });

  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'edict-getting-started-'));
    for (const [file, text] of Object.entries(files)) {
      if (text === undefined) throw new Error(`docs/getting-started.md lost the block for ${file}`);
      mkdirSync(dirname(join(project, file)), { recursive: true });
      writeFileSync(join(project, file), text);
    }
    mkdirSync(join(project, 'node_modules', '@edict'), { recursive: true });
    symlinkSync(join(repo, 'packages', 'core'), join(project, 'node_modules', '@edict', 'core'), 'dir');
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('greets as step 5 shows', () => {
    const r = hello('greet', 'Ada', '-s', '-t', '2');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('HELLO, ADA!\nHELLO, ADA!\n');
    expect(r.status).toBe(0);
  });

  it('returns the handler data under --json', () => {
    const r = hello('greet', 'Ada', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ success: true, exitCode: 0, data: { greeted: 'Ada' } });
  });

  it('layers an option from the environment and from the config file', () => {
    const fromEnv = spawnSync(process.execPath, [join(project, 'bin', 'hello.js'), 'greet', 'Ada'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HELLO_HOME: join(project, 'home'), HELLO_OPT_TIMES: '3' },
    });
    expect(fromEnv.stdout.trim().split('\n')).toHaveLength(3);
    expect(hello('config', 'set', 'greet.times', '2').status).toBe(0);
    expect(hello('greet', 'Ada').stdout.trim().split('\n')).toHaveLength(2);
  });

  it('suggests the command on a typo, with exit code 2', () => {
    const r = hello('gret', 'Ada');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Did you mean "greet"?');
  });
});
