import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findConfigLayers } from '../../src/profiles/findConfigLayers';
import { listProfiles } from '../../src/profiles/profilePaths';
import { secureAccount } from '../../src/profiles/secureAccount';
import { setConfigValue } from '../../src/profiles/setConfigValue';
import { tempDir } from '../support/childCli';

const hash = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
const write = (file: string, data: unknown): void =>
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data, null, 2));

describe('config files', () => {
  let dir: string;
  let cleanup: () => void;
  let project: string;
  let global: string;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir('edict-profiles'));
    project = join(dir, 'repo');
    global = join(dir, 'config');
    mkdirSync(join(project, 'src', 'deep'), { recursive: true });
    mkdirSync(global, { recursive: true });
  });
  afterEach(() => cleanup());

  it('finds the project files walking up from the working folder, highest precedence first', () => {
    write(join(project, 'app.config.json'), { profiles: { a: { type: 't' } } });
    write(join(global, 'app.config.user.json'), { profiles: { b: { type: 't' } } });
    const layers = findConfigLayers('app', join(project, 'src', 'deep'), global);
    expect(layers.map((l) => [l.path, l.scope, l.user, l.exists])).toEqual([
      [join(project, 'app.config.user.json'), 'project', true, false],
      [join(project, 'app.config.json'), 'project', false, true],
      [join(global, 'app.config.user.json'), 'global', true, true],
      [join(global, 'app.config.json'), 'global', false, false],
    ]);
    expect(layers[1]?.data).toEqual({ profiles: { a: { type: 't' } } });
    expect(layers[0]?.data).toEqual({});
  });

  it('stops at the first folder holding only the user file', () => {
    write(join(project, 'app.config.json'), {});
    write(join(project, 'src', 'app.config.user.json'), {});
    const layers = findConfigLayers('app', join(project, 'src', 'deep'), global);
    expect(layers[0]?.path).toBe(join(project, 'src', 'app.config.user.json'));
    expect(layers[0]?.exists).toBe(true);
    expect(layers[1]?.exists).toBe(false);
  });

  it('parses comments and trailing commas', () => {
    write(join(global, 'app.config.json'), '{\n  // team\n  "defaults": { "t": "a", },\n}\n');
    expect(findConfigLayers('app', project, global)[3]?.data).toEqual({ defaults: { t: 'a' } });
  });

  it('reports a file that does not parse with its path and line:column, and leaves it unchanged', () => {
    const file = join(project, 'app.config.json');
    write(file, '{\n  "profiles": {\n    "a": { "type": "t" \n  }\n');
    const before = hash(file);
    let error: unknown;
    try {
      findConfigLayers('app', project, global);
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ code: 'EDICT_CONFIG_INVALID', details: { path: file } });
    expect((error as Error).message).toMatch(new RegExp(`${file} is not valid JSON: \\w+ at \\d+:\\d+`));
    expect((error as { hint: string }).hint).toContain(file);
    expect(() => setConfigValue(file, ['defaults', 't'], 'a')).toThrow(
      expect.objectContaining({ code: 'EDICT_CONFIG_INVALID' }),
    );
    expect(hash(file)).toBe(before);
  });

  it('reports a file of the wrong shape at the offending value', () => {
    const file = join(global, 'app.config.json');
    write(file, '{\n  "profiles": {\n    "a": { "secure": "token" }\n  }\n}\n');
    expect(() => findConfigLayers('app', project, global)).toThrow(
      `The config file ${file} is not valid: ` +
        '"secure" of profile "a" must be an array of property names (at 3:22).',
    );
  });

  it('lists every profile once, nested ones dotted, with the type any file gives', () => {
    write(join(project, 'app.config.user.json'), { profiles: { dev: { profiles: { g: {} } } } });
    write(join(project, 'app.config.json'), { profiles: { dev: { profiles: { g: { type: 't' } } } } });
    write(join(global, 'app.config.json'), { profiles: { base: { type: 'base' } } });
    expect(listProfiles(findConfigLayers('app', project, global))).toEqual([
      { name: 'dev', file: join(project, 'app.config.user.json') },
      { name: 'dev.g', type: 't', file: join(project, 'app.config.user.json') },
      { name: 'base', type: 'base', file: join(global, 'app.config.json') },
    ]);
  });

  it('sets and removes values keeping comments and layout', () => {
    const file = join(project, 'app.config.json');
    const text = [
      '{',
      '    // the team profiles',
      '    "profiles": {',
      '        "dev": { "type": "t", "properties": { "host": "a.test" } } // shared',
      '    }',
      '}',
      '',
    ].join('\n');
    write(file, text);
    setConfigValue(file, ['profiles', 'dev', 'properties', 'port'], 8080);
    setConfigValue(file, ['defaults', 't'], 'dev');
    let now = readFileSync(file, 'utf8');
    expect(now).toContain('    // the team profiles\n');
    expect(now).toContain('// shared');
    expect(now).toContain('\n    "defaults": {\n        "t": "dev"\n    }');
    const [layer] = findConfigLayers('app', project, global).filter((l) => l.path === file);
    expect(layer?.data).toEqual({
      profiles: { dev: { type: 't', properties: { host: 'a.test', port: 8080 } } },
      defaults: { t: 'dev' },
    });
    setConfigValue(file, ['defaults'], undefined);
    setConfigValue(file, ['profiles', 'dev', 'properties', 'port'], undefined);
    now = readFileSync(file, 'utf8');
    expect(now).not.toContain('defaults');
    expect(now).not.toContain('8080');
    expect(now).toContain('// shared');
  });

  it('creates a missing file with its $schema first', () => {
    const file = join(dir, 'new', 'app.config.user.json');
    setConfigValue(file, ['profiles', 'p', 'type'], 't');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      $schema: './app.schema.json',
      profiles: { p: { type: 't' } },
    });
    const other = join(dir, 'app.config.json');
    setConfigValue(other, ['autoStore'], false, { schema: 'https://example.test/s.json' });
    expect(JSON.parse(readFileSync(other, 'utf8'))).toEqual({
      $schema: 'https://example.test/s.json',
      autoStore: false,
    });
  });

  it('refuses a value that would break the file shape, changing nothing', () => {
    const file = join(project, 'app.config.json');
    write(file, { profiles: {} });
    const before = hash(file);
    expect(() => setConfigValue(file, ['profiles', 'p'], 5)).toThrow(
      expect.objectContaining({ code: 'EDICT_CONFIG_INVALID' }),
    );
    expect(hash(file)).toBe(before);
  });

  it('names secure accounts by absolute file, profile and property', () => {
    expect(secureAccount(join(global, 'app.config.json'), 'dev.g', 'token')).toBe(
      `${join(global, 'app.config.json')}:dev.g.token`,
    );
  });
});
