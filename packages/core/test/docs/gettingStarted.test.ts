import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGettingStartedProject } from './gettingStartedFiles';

// docs/getting-started.md builds a CLI from four files; this test writes exactly those blocks
// into a project and runs the commands the page shows, so the page cannot drift from the code.
// (packages/create-edict/test/e2e.test.ts installs the same project from a registry.)
const repo = join(__dirname, '..', '..', '..', '..');

describe('docs/getting-started.md', () => {
  let project: string;
  const hello = (...argv: string[]) =>
    spawnSync(process.execPath, [join(project, 'bin', 'hello.js'), ...argv], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HELLO_HOME: join(project, 'home'), NO_COLOR: '1' },
    });

  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'edict-getting-started-'));
    writeGettingStartedProject(project);
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
