import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main';

const bin = join(__dirname, '..', '..', 'bin', 'create-edict.js');
let cwd: string;

beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'create-edict-'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

/** Runs the built bin in a child process with no terminal (stdin is not a TTY). */
function run(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('create-edict (bin, no terminal)', () => {
  it('creates a CLI project with defaults from the folder name', () => {
    const r = run('my-tool');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const pkg = JSON.parse(readFileSync(join(cwd, 'my-tool', 'package.json'), 'utf8'));
    expect(pkg.name).toBe('my-tool');
    expect(pkg.bin).toEqual({ 'my-tool': './bin/my-tool.js' });
    expect(statSync(join(cwd, 'my-tool', 'bin', 'my-tool.js')).mode & 0o111).not.toBe(0);
    expect(r.stdout).toContain('npm install');
  });

  it('creates a plugin project for the given host', () => {
    expect(run('mycli-plugin-deploy', '--plugin', '--host', 'mycli', '--pm', 'pnpm').code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(cwd, 'mycli-plugin-deploy', 'package.json'), 'utf8'));
    expect(pkg.keywords).toEqual(['mycli-plugin']);
    expect(readFileSync(join(cwd, 'mycli-plugin-deploy', 'src', 'commands.ts'), 'utf8')).toContain(
      "name: 'deploy'",
    );
    expect(readFileSync(join(cwd, 'mycli-plugin-deploy', 'README.md'), 'utf8')).toContain('pnpm install');
  });

  it('fails without a terminal when a plugin has no --host, naming the flag (exit 2)', () => {
    const r = run('p', '--plugin');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Missing --host/);
    expect(existsSync(join(cwd, 'p'))).toBe(false);
  });

  it('fails without a terminal when no folder is given (exit 2)', () => {
    const r = run();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Missing the project folder/);
  });

  it('refuses a folder that is not empty and leaves it untouched', () => {
    mkdirSync(join(cwd, 'taken'));
    writeFileSync(join(cwd, 'taken', 'package.json'), 'mine');
    const r = run('taken');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is not empty/);
    expect(r.stderr).toMatch(/--force/);
    expect(readdirSync(join(cwd, 'taken'))).toEqual(['package.json']);
    expect(readFileSync(join(cwd, 'taken', 'package.json'), 'utf8')).toBe('mine');
  });

  it('writes into a folder that is not empty with --force', () => {
    mkdirSync(join(cwd, 'taken'));
    writeFileSync(join(cwd, 'taken', 'notes.txt'), 'keep');
    expect(run('taken', '--force').code).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'taken', 'package.json'), 'utf8')).name).toBe('taken');
    expect(readFileSync(join(cwd, 'taken', 'notes.txt'), 'utf8')).toBe('keep');
  });

  it('lists the files with --dry-run and writes nothing', () => {
    const r = run('dry', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('bin/dry.js');
    expect(r.stdout).toContain('src/test/hello.test.ts');
    expect(existsSync(join(cwd, 'dry'))).toBe(false);
  });

  it('refuses an invalid package name (exit 2)', () => {
    const r = run('x', '--name', 'Bad Name');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"Bad Name" is not a valid npm package name/);
  });

  it.each([
    ['node_modules', 'node_modules is not a valid package name'],
    ['favicon.ico', 'favicon.ico is not a valid package name'],
    ['http', 'http is a core module name'],
    ['.hidden', 'name cannot start with a period'],
    ['Upper', 'name can no longer contain capital letters'],
  ])("refuses %s, a name npm rejects, with npm's reason (exit 2, nothing written)", (name, reason) => {
    const r = run('x', '--name', name);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`"${name}" is not a valid npm package name: ${reason}`);
    expect(existsSync(join(cwd, 'x'))).toBe(false);
  });

  it('refuses a folder whose name npm rejects as the package name when --name is not given', () => {
    const r = run('http');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"http" is not a valid npm package name: http is a core module name.');
    expect(existsSync(join(cwd, 'http'))).toBe(false);
  });

  it('prints help', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    for (const flag of ['--plugin', '--host', '--pm', '--force', '--dry-run'])
      expect(r.stdout).toContain(flag);
  });
});

describe('create-edict on a terminal', () => {
  it('asks for what the flags left out and uses the answers', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let asked = '';
    output.on('data', (c: Buffer) => {
      asked += c.toString();
      // answer each question as it appears: folder, kind, name (default), pm, host
      if (/Project folder: $/.test(asked)) input.write('asked-plugin\n');
      else if (/cli or a plugin\? \(cli\) $/.test(asked)) input.write('plugin\n');
      else if (/Package name: \(asked-plugin\) $/.test(asked)) input.write('\n');
      else if (/\(npm or pnpm\): \(npm\) $/.test(asked)) input.write('pnpm\n');
      else if (/its command name\)\? $/.test(asked)) input.write('mycli\n');
    });
    let stdout = '';
    const code = await main([], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: () => true },
      env: {},
      cwd,
      terminal: { input, output },
    });
    expect(code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(cwd, 'asked-plugin', 'package.json'), 'utf8'));
    expect(pkg.name).toBe('asked-plugin');
    expect(pkg.keywords).toEqual(['mycli-plugin']);
    expect(readFileSync(join(cwd, 'asked-plugin', 'README.md'), 'utf8')).toContain('pnpm install');
    expect(stdout).toContain('Created a plugin project');
  });
});
