import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostDirs } from '../../src/host/hostDirs';

// The rule of hostDirs on each platform, with a real temp HOME (existence of folders matters).
let user: string;
beforeEach(() => {
  user = mkdtempSync(join(tmpdir(), 'edict-dirs-'));
});
afterEach(() => rmSync(user, { recursive: true, force: true }));

describe('hostDirs', () => {
  test(
    'macOS: Application Support, Preferences and Caches under ~/Library; ' + 'XDG variables are not read',
    () => {
      expect(
        hostDirs({
          name: 'mycli',
          env: { HOME: user, XDG_DATA_HOME: '/xdg' },
          cwd: user,
          platform: 'darwin',
        }),
      ).toEqual({
        data: join(user, 'Library', 'Application Support', 'mycli'),
        config: join(user, 'Library', 'Preferences', 'mycli'),
        cache: join(user, 'Library', 'Caches', 'mycli'),
      });
    },
  );

  test('Windows: %LOCALAPPDATA%\\<name>\\Data and Cache, %APPDATA%\\<name>\\Config', () => {
    const env = { HOME: user, LOCALAPPDATA: join(user, 'Local'), APPDATA: join(user, 'Roaming') };
    expect(hostDirs({ name: 'mycli', env, cwd: user, platform: 'win32' })).toEqual({
      data: join(user, 'Local', 'mycli', 'Data'),
      config: join(user, 'Roaming', 'mycli', 'Config'),
      cache: join(user, 'Local', 'mycli', 'Cache'),
    });
  });

  test('Linux: XDG variables when absolute, else ~/.local/share, ~/.config, ~/.cache', () => {
    expect(
      hostDirs({
        name: 'mycli',
        env: { HOME: user, XDG_CACHE_HOME: '/c', XDG_CONFIG_HOME: 'relative' },
        cwd: user,
        platform: 'linux',
      }),
    ).toEqual({
      data: join(user, '.local', 'share', 'mycli'),
      config: join(user, '.config', 'mycli'),
      cache: join('/c', 'mycli'),
    });
  });

  test(
    '~/.<name> is used for data and config on every platform while ' +
      "the platform folders do not exist; the cache stays the platform's",
    () => {
      mkdirSync(join(user, '.mycli'));
      for (const platform of ['linux', 'darwin', 'win32'] as const) {
        const dirs = hostDirs({
          name: 'mycli',
          env: { HOME: user, LOCALAPPDATA: join(user, 'Local'), APPDATA: join(user, 'Roaming') },
          cwd: user,
          platform,
        });
        expect({ platform, data: dirs.data, config: dirs.config }).toEqual({
          platform,
          data: join(user, '.mycli'),
          config: join(user, '.mycli'),
        });
      }
      mkdirSync(join(user, '.local', 'share', 'mycli'), { recursive: true });
      expect(hostDirs({ name: 'mycli', env: { HOME: user }, cwd: user, platform: 'linux' }).config).toBe(
        join(user, '.config', 'mycli'),
      );
    },
  );

  test('a home folder given is everything, relative to cwd when relative; the cache inside it', () => {
    expect(hostDirs({ name: 'mycli', home: 'h', env: { HOME: user }, cwd: user, platform: 'linux' })).toEqual(
      { data: join(user, 'h'), config: join(user, 'h'), cache: join(user, 'h', 'cache') },
    );
  });
});
