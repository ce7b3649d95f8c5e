import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MYCLI_BIN, tempHome } from './support';

// The modules a --version or built-in command run must not load.
const HEAVY_MODULES =
  /[/\\](manage|install|npm)[/\\]|pacote|arborist|@npmcli|module-loader|cli-table3|chalk|showHelp/;
// Profile machinery a command without profiles must not load (the config group's definitions and
// its value helpers may load).
const LAZY_PROFILE_MODULES = new RegExp(
  '@inquirer|jsonc-parser|@napi-rs|[/\\\\]prompt[/\\\\](?!createPrompter|promptErrors)|' +
    'builtins[/\\\\]config[/\\\\](?!teamCommands|teamKey|configValue)',
);

// What each kind of run loads, read from require.cache at exit by a preload in the child.
function loadedModules(args: string[], home: string): { stdout: string; modules: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'mycli-startup-'));
  try {
    const preload = join(dir, 'preload.js');
    writeFileSync(
      preload,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(join(dir, 'cache.json'))}` +
        `, JSON.stringify(Object.keys(require.cache))));\n`,
    );
    const r = spawnSync(process.execPath, ['-r', preload, MYCLI_BIN, ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', MYCLI_HOME: home },
    });
    expect(r.status).toBe(0);
    const modules = JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8')) as string[];
    return { stdout: r.stdout, modules };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('mycli startup', () => {
  let home: string;
  let cleanup: () => void;
  beforeEach(() => ({ home, cleanup } = tempHome()));
  afterEach(() => cleanup());

  it('answers --version without loading the CLI definition or the plugin manager', () => {
    const { stdout, modules } = loadedModules(['--version'], home);
    expect(stdout).toBe('0.1.0\n');
    expect(
      modules.filter((m) => /mycli[/\\]lib[/\\]|packages[/\\]plugins[/\\]|module-loader/.test(m)),
    ).toEqual([]);
    // nor the handler loader: a module with import() in it made this run 4 MB bigger
    expect(modules.filter((m) => m.endsWith(join('handlers', 'loadHandler.js')))).toEqual([]);
    expect(modules.filter((m) => m.endsWith('versionInfo.js'))).toEqual([]);
  });

  it('reports the framework, Node and platform with `version` and with --version --debug', () => {
    const { stdout } = loadedModules(['version'], home);
    expect(stdout).toMatch(
      /^mycli 0\.1\.0\n@edict\/core \d+\.\d+\.\d+\S*\nnode v\d+\.\d+\.\d+ \(\w+-\w+\)\n$/,
    );
    expect(loadedModules(['--version', '--debug'], home).stdout).toBe(stdout);
  });

  it('runs a built-in command without the plugin engine, npm libraries or the module loader', () => {
    const { stdout, modules } = loadedModules(['greet', 'Ada'], home);
    expect(stdout).toBe('Hello, Ada!\n');
    // the same preload does see the definition and the handler, so the checks below can fail
    expect(modules.some((m) => m.endsWith(join('mycli', 'lib', 'main.js')))).toBe(true);
    expect(
      modules.filter((m) =>
        /[/\\](manage|install|npm)[/\\]|pacote|arborist|@npmcli|module-loader|cli-table3|chalk/.test(m),
      ),
    ).toEqual([]);
  });

  it('runs a command without the prompt libraries, the config file parser or the credential store', () => {
    const { stdout, modules } = loadedModules(['greet', 'Ada'], home);
    expect(stdout).toBe('Hello, Ada!\n');
    expect(modules.some((m) => /builtins[/\\]config[/\\]teamCommands/.test(m))).toBe(true);
    expect(modules.filter((m) => LAZY_PROFILE_MODULES.test(m))).toEqual([]);
  });

  it(
    'completes on TAB without the plugin engine, npm libraries, the ' + 'module loader or the help renderer',
    () => {
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
        JSON.stringify({ version: 2, plugins: { 'mycli-plugin-a': record('mycli-plugin-a') } }),
      );
      // The first run after plugins.json changes rebuilds the index, as any run does; TAB reads it fresh.
      loadedModules(['__complete', '--', 'plugins', ''], home);
      const { stdout, modules } = loadedModules(['__complete', '--', 'plugins', 'uninstall', ''], home);
      expect(stdout).toBe('mycli-plugin-a\n');
      expect(modules.some((m) => m.endsWith(join('commands', 'completePluginNames.js')))).toBe(true);
      expect(modules.filter((m) => HEAVY_MODULES.test(m))).toEqual([]);
    },
  );
});
