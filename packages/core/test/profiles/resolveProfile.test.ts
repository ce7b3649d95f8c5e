import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findConfigLayers } from '../../src/profiles/findConfigLayers';
import { resolveProfile } from '../../src/profiles/resolveProfile';
import type { ProfileTypeDefinition } from '../../src/profiles/types';
import { tempDir } from '../support/childCli';

const types: ProfileTypeDefinition[] = [
  { type: 'base', properties: { host: { type: 'string' }, port: { type: 'number' } } },
  {
    type: 'greeter',
    properties: {
      host: { type: 'string' },
      port: { type: 'number' },
      greeting: { type: 'string', enum: ['Hi', 'Hello'] },
      token: { type: 'string', secure: true },
    },
  },
];

describe('resolving a profile', () => {
  let dir: string;
  let cleanup: () => void;
  let project: string;
  let global: string;
  const file = (scope: 'project' | 'global', user: boolean): string =>
    join(scope === 'project' ? project : global, `app.config${user ? '.user' : ''}.json`);
  const write = (scope: 'project' | 'global', user: boolean, data: unknown): void =>
    writeFileSync(file(scope, user), JSON.stringify(data));
  const layers = () => findConfigLayers('app', project, global);
  beforeEach(() => {
    ({ dir, cleanup } = tempDir('edict-resolve'));
    project = join(dir, 'repo');
    global = join(dir, 'config');
    mkdirSync(project, { recursive: true });
    mkdirSync(global, { recursive: true });
  });
  afterEach(() => cleanup());

  it('merges each property over project user > project > global user > global', () => {
    const g = (properties: Record<string, unknown>) => ({ profiles: { g: { type: 'greeter', properties } } });
    write('global', false, g({ host: 'gl', port: 1, greeting: 'Hi', token: 'x' }));
    write('global', true, g({ host: 'glu', port: 2, greeting: 'Hello' }));
    write('project', false, g({ host: 'pr', port: 3 }));
    write('project', true, g({ host: 'pru' }));
    const resolved = resolveProfile(layers(), types, 'greeter', 'g');
    expect(resolved?.properties).toEqual({
      host: { value: 'pru', file: file('project', true), profile: 'g', secure: false },
      port: { value: 3, file: file('project', false), profile: 'g', secure: false },
      greeting: { value: 'Hello', file: file('global', true), profile: 'g', secure: false },
      token: { value: 'x', file: file('global', false), profile: 'g', secure: true },
    });
  });

  it('takes the default profile, parents nearest first, then the base profile', () => {
    write('global', false, {
      profiles: {
        base: { type: 'base', properties: { host: 'base.test', port: 443 } },
        dev: {
          properties: { host: 'dev.test', greeting: 'Hi' },
          secure: ['token'],
          profiles: { greeter: { type: 'greeter', properties: { greeting: 'Hello' } } },
        },
      },
      defaults: { greeter: 'dev.greeter', base: 'base' },
    });
    write('project', false, { defaults: { base: 'base' } });
    const resolved = resolveProfile(layers(), types, 'greeter');
    const g = file('global', false);
    expect(resolved).toEqual({
      name: 'dev.greeter',
      type: 'greeter',
      properties: {
        greeting: { value: 'Hello', file: g, profile: 'dev.greeter', secure: false },
        host: { value: 'dev.test', file: g, profile: 'dev', secure: false },
        token: { value: undefined, file: g, profile: 'dev', secure: true },
        port: { value: 443, file: g, profile: 'base', secure: false },
      },
    });
  });

  it('is undefined without a name or default, and lists the profiles of the type for an unknown name', () => {
    write('global', false, { profiles: { a: { type: 'greeter' }, b: { type: 'base' } } });
    expect(resolveProfile(layers(), types, 'greeter')).toBeUndefined();
    expect(() => resolveProfile(layers(), types, 'greeter', 'nope')).toThrow(
      expect.objectContaining({
        code: 'EDICT_PROFILE_NOT_FOUND',
        message: 'No profile named "nope" is in the config files. The greeter profiles are: a.',
        hint: 'Name one with --greeter-profile a',
      }),
    );
    expect(() => resolveProfile(layers(), types, 'greeter', 'b')).toThrow(
      'Profile "b" is of type base, not greeter.',
    );
  });

  it('names file, profile and property of a value of the wrong type', () => {
    write('project', true, { profiles: { a: { type: 'greeter', properties: { port: '80' } } } });
    expect(() => resolveProfile(layers(), types, 'greeter', 'a')).toThrow(
      expect.objectContaining({
        code: 'EDICT_CONFIG_INVALID',
        message:
          `Invalid value "80" for property "port" of profile "a" in ${file('project', true)}: ` +
          'wanted a JSON number, got a string.',
        hint: 'app config set profiles.a.properties.port <value>',
      }),
    );
    write('project', true, { profiles: { a: { type: 'greeter', properties: { greeting: 'Yo' } } } });
    expect(() => resolveProfile(layers(), types, 'greeter', 'a')).toThrow('wanted one of Hi, Hello');
  });
});
