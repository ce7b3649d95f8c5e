import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileConfigStore } from '../../src/config/fileConfigStore';
import { tempDir } from '../support/childCli';

describe('the per-user config file', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir('edict-config')));
  afterEach(() => cleanup());

  it('creates the home folder and writes atomically, leaving no temp files', () => {
    const store = fileConfigStore(join(dir, 'home'), 'app');
    store.set('times', 3);
    store.set('greet.lang', 'fr');
    expect(store.unset('times')).toBe(true);
    expect(store.unset('times')).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'home', 'config.json'), 'utf8'))).toEqual({
      'greet.lang': 'fr',
    });
    expect(readdirSync(join(dir, 'home'))).toEqual(['config.json']);
  });

  it('reports a corrupt file with its path and a fix hint, and never overwrites it', () => {
    const file = join(dir, 'config.json');
    writeFileSync(file, '{ "times": 3,');
    const store = fileConfigStore(dir, 'app');
    expect(() => store.set('times', 4)).toThrow(
      expect.objectContaining({
        code: 'EDICT_CONFIG_INVALID',
        message: expect.stringContaining(file),
        hint: expect.stringContaining('app config list'),
      }),
    );
    expect(readFileSync(file, 'utf8')).toBe('{ "times": 3,');
  });
});
