import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePlugin } from './helpers/fixturePlugin';
import { MYCLI_BIN } from './support';

// Where the built mycli keeps plugins and config: a temp HOME, XDG_* variables, no MYCLI_HOME
// (unlike the other tests' sandboxes). On Linux, so the XDG rule applies.
let root: string;
let user: string;
let plugin: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mycli-dirs-'));
  user = join(root, 'user');
  mkdirSync(user);
  plugin = writePlugin(join(root, 'fixtures'), { name: 'mycli-plugin-where', version: '1.0.0' });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Runs the built mycli with HOME = the temp user folder, the given variables and nothing else. */
function mycli(
  args: readonly string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [MYCLI_BIN, ...args], {
    encoding: 'utf8',
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: user, ...env },
    timeout: 60000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Sets a config value and links the fixture plugin, then reports where info says things are. */
function useOnce(env: Record<string, string> = {}): { home: string; config: string } {
  for (const args of [
    ['config', 'set', 'greet.times', '3'],
    ['plugins', 'link', plugin],
  ]) {
    const r = mycli(args, env);
    expect({ args, status: r.status, stderr: r.stderr }).toEqual({ args, status: 0, stderr: '' });
  }
  const { home, config } = (
    JSON.parse(mycli(['info', '--json'], env).stdout) as { data: { home: string; config: string } }
  ).data;
  return { home, config };
}

const configIn = (dir: string): unknown => JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
const linkedIn = (dataDir: string): string[] =>
  Object.keys(
    (JSON.parse(readFileSync(join(dataDir, 'plugins', 'plugins.json'), 'utf8')) as { plugins: object })
      .plugins,
  );

describe('data and config folders (Linux: XDG base directories)', () => {
  test('XDG_DATA_HOME holds the plugins folder and XDG_CONFIG_HOME config.json; no ~/.mycli is made', () => {
    const data = join(root, 'xdg-data');
    const config = join(root, 'xdg-config');
    const where = useOnce({
      XDG_DATA_HOME: data,
      XDG_CONFIG_HOME: config,
      XDG_CACHE_HOME: join(root, 'xdg-cache'),
    });
    expect(where).toEqual({ home: join(data, 'mycli'), config: join(config, 'mycli', 'config.json') });
    expect(configIn(join(config, 'mycli'))).toEqual({ 'greet.times': 3 });
    expect(linkedIn(join(data, 'mycli'))).toEqual(['mycli-plugin-where']);
    expect(existsSync(join(user, '.mycli'))).toBe(false);
    // and the linked plugin's command runs from there
    expect(mycli(['where', 'run'], { XDG_DATA_HOME: data, XDG_CONFIG_HOME: config })).toMatchObject({
      status: 0,
      stdout: 'mycli-plugin-where@1.0.0 run\n',
    });
  });

  test(
    'with no XDG variables (or relative ones, which the spec says ' +
      'to ignore): ~/.local/share/mycli and ~/.config/mycli',
    () => {
      for (const env of [{}, { XDG_DATA_HOME: 'rel/data', XDG_CONFIG_HOME: 'rel/config' }] as Record<
        string,
        string
      >[]) {
        const where = useOnce(env);
        expect(where).toEqual({
          home: join(user, '.local', 'share', 'mycli'),
          config: join(user, '.config', 'mycli', 'config.json'),
        });
        expect(linkedIn(join(user, '.local', 'share', 'mycli'))).toEqual(['mycli-plugin-where']);
        expect(existsSync(join(root, 'rel'))).toBe(false);
      }
    },
  );

  test(
    'an existing ~/.mycli is used as it is while the XDG folders ' +
      'do not exist: nothing moved, nothing lost',
    () => {
      const legacy = join(user, '.mycli');
      mkdirSync(legacy);
      writeFileSync(join(legacy, 'config.json'), '{ "greet.greeting": "Ahoy" }\n');
      const env = { XDG_DATA_HOME: join(root, 'xdg-data'), XDG_CONFIG_HOME: join(root, 'xdg-config') };
      expect(mycli(['config', 'get', 'greet.greeting'], env)).toMatchObject({ status: 0, stdout: 'Ahoy\n' });
      const where = useOnce(env);
      expect(where).toEqual({ home: legacy, config: join(legacy, 'config.json') });
      expect(configIn(legacy)).toEqual({ 'greet.greeting': 'Ahoy', 'greet.times': 3 });
      expect(linkedIn(legacy)).toEqual(['mycli-plugin-where']);
      expect([existsSync(join(root, 'xdg-data')), existsSync(join(root, 'xdg-config'))]).toEqual([
        false,
        false,
      ]);
    },
  );

  test('once an XDG folder exists it wins over ~/.mycli', () => {
    mkdirSync(join(user, '.mycli'));
    const config = join(root, 'xdg-config');
    mkdirSync(join(config, 'mycli'), { recursive: true });
    const where = useOnce({ XDG_DATA_HOME: join(root, 'xdg-data'), XDG_CONFIG_HOME: config });
    expect(where).toEqual({
      home: join(root, 'xdg-data', 'mycli'),
      config: join(config, 'mycli', 'config.json'),
    });
  });

  test('MYCLI_HOME overrides everything: one folder for data and config, as before', () => {
    const home = join(root, 'one-home');
    mkdirSync(join(user, '.mycli'));
    const where = useOnce({
      MYCLI_HOME: home,
      XDG_DATA_HOME: join(root, 'xdg-data'),
      XDG_CONFIG_HOME: join(root, 'xdg-config'),
    });
    expect(where).toEqual({ home, config: join(home, 'config.json') });
    expect(configIn(home)).toEqual({ 'greet.times': 3 });
    expect(linkedIn(home)).toEqual(['mycli-plugin-where']);
    expect([existsSync(join(root, 'xdg-data')), existsSync(join(root, 'xdg-config'))]).toEqual([
      false,
      false,
    ]);
  });
});
