import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MYCLI_BIN, mycli, tempHome } from './support';

describe('mycli help, routing and exit codes', () => {
  let home: string;
  let cleanup: () => void;
  beforeEach(() => ({ home, cleanup } = tempHome()));
  afterEach(() => cleanup());

  it('shows root help with no arguments and with --help (exit 0)', () => {
    const bare = mycli(home, []);
    expect(bare.status).toBe(0);
    expect(bare.stdout).toContain('Usage: mycli <command>');
    expect(bare.stdout).toContain('greet');
    expect(mycli(home, ['--help']).stdout).toBe(bare.stdout);
  });

  it('shows group and command help, with -h anywhere on the line', () => {
    expect(mycli(home, ['config']).stdout).toContain('Usage: mycli config <command>');
    const cmd = mycli(home, ['greet', 'Ada', '-h']);
    expect(cmd.status).toBe(0);
    expect(cmd.stdout).toContain('Usage: mycli greet <name> [others...] [options]');
    expect(cmd.stdout).toContain('[env: MYCLI_OPT_TIMES]');
    expect(mycli(home, ['config', '--help', 'set']).stdout).toContain(
      'Usage: mycli config set <key> [value]',
    );
  });

  it('wraps help to the terminal width it is given', () => {
    const r = spawnSync(
      process.execPath,
      [
        '-e',
        `require(${JSON.stringify(MYCLI_BIN.replace('bin/mycli.js', 'lib/main.js'))}).cli.run(` +
          `['greet','--help'], { columns: 50, stdout: process.stdout, ` +
          `env: { MYCLI_HOME: ${JSON.stringify(home)} } })`,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stdout.split('\n').filter((l) => l.length > 50)).toEqual([]);
  });

  it("answers help as a command: root help, a command's help, and the unknown-command error", () => {
    const root = mycli(home, ['help']);
    expect(root.status).toBe(0);
    expect(root.stdout).toBe(mycli(home, ['--help']).stdout);
    const install = mycli(home, ['help', 'plugins', 'install']);
    expect(install.status).toBe(0);
    expect(install.stdout).toContain('Usage: mycli plugins install [spec...] [options]');
    const unknown = mycli(home, ['help', 'gret']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(
      'Error: Unknown command "gret" for mycli. Did you mean "greet"?\nHint: mycli --help\n',
    );
  });

  it('prints the version with --version and -V', () => {
    expect(mycli(home, ['--version']).stdout).toBe('0.1.0\n');
    expect(mycli(home, ['-V']).stdout).toBe('0.1.0\n');
  });

  it('suggests the closest command and option for a typo (exit 2)', () => {
    const cmd = mycli(home, ['gret', 'Ada']);
    expect(cmd.status).toBe(2);
    expect(cmd.stderr).toContain('Did you mean "greet"?');
    expect(cmd.stderr).toContain('Hint: mycli --help');
    const sub = mycli(home, ['config', 'lst']);
    expect(sub.stderr).toContain('Did you mean "list"?');
    expect(sub.stderr).toContain('Hint: mycli config --help');
    const opt = mycli(home, ['greet', 'Ada', '--shuot']);
    expect(opt.status).toBe(2);
    expect(opt.stderr).toContain('Unknown option --shuot. Did you mean --shout?');
  });

  it('runs a command (exit 0) and its alias', () => {
    const r = mycli(home, ['hi', 'Ada', 'Grace', '--lang', 'fr', '-t', '2', '--shout']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('BONJOUR, ADA!\nBONJOUR, GRACE!\nBONJOUR, ADA!\nBONJOUR, GRACE!\n');
  });

  it(
    'parses without guessing: --shout=yes/=1/=no, a value-less --greeting, ' +
      '--json=false, an unsafe --times',
    () => {
      expect(mycli(home, ['greet', 'Ada', '--shout=yes']).stdout).toBe('HELLO, ADA!\n');
      expect(mycli(home, ['greet', 'Ada', '--shout=1']).stdout).toBe('HELLO, ADA!\n');
      expect(mycli(home, ['greet', 'Ada', '--shout=No'], { MYCLI_OPT_SHOUT: 'yes' }).stdout).toBe(
        'Hello, Ada!\n',
      );
      const maybe = mycli(home, ['greet', 'Ada', '--shout=maybe']);
      expect([maybe.status, maybe.stderr]).toEqual([
        2,
        'Error: Invalid value "maybe" for option --shout: wanted one ' +
          'of true, false, yes, no, 1, 0, on, off.\nHint: mycli greet --help\n',
      ]);
      const empty = mycli(home, ['greet', 'Ada', '--greeting', '--shout']);
      expect(empty.status).toBe(2);
      expect(empty.stderr).toContain('Error: Option --greeting needs a value');
      expect(mycli(home, ['greet', 'Ada', '--json=false']).stdout).toBe('Hello, Ada!\n');
      expect(mycli(home, ['greet', 'Ada', '--no-json']).stdout).toBe('Hello, Ada!\n');
      expect(JSON.parse(mycli(home, ['greet', 'Ada', '--json=true']).stdout).data).toEqual({
        lines: ['Hello, Ada!'],
      });
      const huge = mycli(home, ['greet', 'Ada', '--times', '9007199254740993']);
      expect(huge.status).toBe(2);
      expect(huge.stderr).toContain(
        'Invalid value "9007199254740993" for option --times: wanted a whole number from 1 to 100.',
      );
      expect(mycli(home, ['greet', 'Ada', '--times', '101']).stderr).toContain(
        'wanted a whole number from 1 to 100',
      );
    },
  );

  it('exits 1 on a runtime failure and 2 on a usage error', () => {
    expect(mycli(home, ['config', 'get', 'nothing']).status).toBe(1);
    expect(mycli(home, ['greet']).status).toBe(2);
  });

  it('keeps --json output to one JSON document on success and on errors', () => {
    for (const args of [
      ['greet', 'Ada'],
      ['info'],
      ['gret'],
      ['greet', '--times', 'x', 'Ada'],
      ['config', 'get', 'nothing'],
    ]) {
      const r = mycli(home, [...args, '--json']);
      const doc = JSON.parse(r.stdout) as { success: boolean; exitCode: number };
      expect(doc.exitCode).toBe(r.status);
      expect(doc.success).toBe(r.status === 0);
    }
    expect(JSON.parse(mycli(home, ['greet', 'Ada', '--json']).stdout).data).toEqual({
      lines: ['Hello, Ada!'],
    });
  });

  it(
    'uses colour only when allowed: never when piped, NO_COLOR or ' + '--no-color; FORCE_COLOR turns it on',
    () => {
      const ansi = new RegExp(String.fromCharCode(27) + '\\[');
      expect(mycli(home, ['info']).stdout).not.toMatch(ansi);
      expect(mycli(home, ['--help']).stdout).not.toMatch(ansi);
      expect(mycli(home, ['--help'], { FORCE_COLOR: '1' }).stdout).toMatch(ansi);
      expect(mycli(home, ['--help', '--no-color'], { FORCE_COLOR: '1' }).stdout).not.toMatch(ansi);
      expect(mycli(home, ['--help'], { NO_COLOR: '1' }).stdout).not.toMatch(ansi);
      const stripped = mycli(home, ['--help'], { FORCE_COLOR: '1' }).stdout.replace(
        new RegExp(String.fromCharCode(27) + '\\[[0-9;]*m', 'g'),
        '',
      );
      expect(stripped).toBe(mycli(home, ['--help']).stdout);
    },
  );

  it('ends quietly and promptly when stdout is closed early (EPIPE)', () => {
    const r = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${MYCLI_BIN}" docs | head -1; echo "status:\${PIPESTATUS[0]}" >&2`],
      {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', MYCLI_HOME: home },
        timeout: 30000,
      },
    );
    expect(r.stdout).toBe('# mycli command reference\n');
    expect(r.stderr).not.toMatch(/EPIPE|Error|\s+at /);
    expect(r.stderr).toMatch(/status:0/);
  });

  it('prints completion scripts that call back the CLI, and completes from the definitions', () => {
    expect(mycli(home, ['completion', 'bash']).stdout).toContain('mycli __complete --');
    expect(mycli(home, ['completion', 'zsh']).stdout).toContain('#compdef mycli');
    expect(mycli(home, ['__complete', '--', 'con']).stdout).toBe('config\n');
    expect(mycli(home, ['__complete', '--', 'greet', 'Ada', '--la']).stdout).toBe('--lang\n');
    expect(mycli(home, ['completion', 'fish']).stdout).toContain(
      "complete -c mycli -f -a '(_mycli_complete)'",
    );
    expect(mycli(home, ['completion', 'powershell']).stdout).toContain("& 'mycli' __complete --line");
    expect(mycli(home, ['completion'], { SHELL: '/usr/bin/fish' }).stdout).toContain(
      '# fish completion for mycli',
    );
    expect(
      mycli(home, ['__complete', '--line'], { MYCLI_COMPLETE_LINE: 'mycli greet --lang=f' }).stdout,
    ).toBe('--lang=fr\n');
  });

  it('completes the recorded plugin names for uninstall, update and info, less those already typed', () => {
    mkdirSync(join(home, 'plugins'));
    const record = (name: string) => ({
      name,
      version: '1.0.0',
      spec: name,
      source: 'link',
      location: join(home, name),
      installedAt: '2026-01-01T00:00:00.000Z',
    });
    writeFileSync(
      join(home, 'plugins', 'plugins.json'),
      JSON.stringify({
        version: 2,
        plugins: { 'mycli-plugin-b': record('mycli-plugin-b'), '@acme/a': record('@acme/a') },
      }),
    );
    expect(mycli(home, ['__complete', '--', 'plugins', 'uninstall', '']).stdout).toBe(
      '@acme/a\nmycli-plugin-b\n',
    );
    expect(mycli(home, ['__complete', '--', 'plugins', 'rm', '@acme/a', '']).stdout).toBe('mycli-plugin-b\n');
    expect(mycli(home, ['__complete', '--', 'plugins', 'update', 'my']).stdout).toBe('mycli-plugin-b\n');
    expect(mycli(home, ['__complete', '--', 'plugins', 'info', '@']).stdout).toBe('@acme/a\n');
    expect(mycli(home, ['__complete', '--', 'plugins', 'info', '@acme/a', '']).stdout).toBe('');
  });

  it('generates the markdown command reference from the definitions', () => {
    const r = mycli(home, ['docs']);
    expect(r.stdout).toContain('### mycli greet');
    expect(r.stdout).toContain(
      '| `-t, --times <number>` | How many times to greet [number] ' +
        '[integer] [min: 1] [max: 100] [default: 1] [env: MYCLI_OPT_TIMES] |',
    );
  });
});
