import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempHome } from '../support';
import { profileFixture, run, writeConfig } from './run';

const data = (r: { json: () => Record<string, unknown> }): Record<string, unknown> =>
  r.json().data as Record<string, unknown>;

describe('mycli profiles', () => {
  let f: ReturnType<typeof profileFixture>;
  beforeEach(() => {
    tempHome().cleanup(); // fails clearly when mycli is not built
    f = profileFixture();
  });
  afterEach(() => f.cleanup());

  it('merges project user > project > global user > global, property by property', () => {
    const base = (properties: Record<string, unknown>) => ({
      profiles: { main: { type: 'base', properties } },
      defaults: { base: 'main' },
    });
    writeConfig(join(f.home, 'mycli.config.json'), base({ host: 'g.test', port: 1, user: 'g' }));
    writeConfig(join(f.home, 'mycli.config.user.json'), {
      profiles: { main: { properties: { user: 'gu' } } },
    });
    writeConfig(join(f.project, 'mycli.config.json'), { profiles: { main: { properties: { port: 3 } } } });
    writeConfig(join(f.project, 'mycli.config.user.json'), {
      profiles: { main: { properties: { host: 'pu.test' } } },
    });
    const r = run(f, ['remote', '--json']);
    expect(r.status).toBe(0);
    expect(data(r)).toMatchObject({ host: 'pu.test', port: 3, user: 'gu', profile: 'main' });
  });

  it('takes nested profiles over their parents, and the base profile last', () => {
    writeConfig(join(f.project, 'mycli.config.json'), {
      profiles: {
        shared: { type: 'base', properties: { host: 'base.test', port: 8443, user: 'ops' } },
        dev: {
          properties: { host: 'dev.test' },
          profiles: { api: { type: 'base', properties: { port: 9000 } } },
        },
      },
      defaults: { base: 'shared' },
    });
    const r = run(f, ['remote', '--base-profile', 'dev.api', '--json']);
    expect(data(r)).toMatchObject({ host: 'dev.test', port: 9000, profile: 'dev.api' });
    expect(data(run(f, ['remote', '--json']))).toMatchObject({ host: 'base.test', port: 8443, user: 'ops' });
  });

  it('takes flag > env > profile > config.json > default, each step', () => {
    const port = (env: Record<string, string> = {}, args: string[] = []): unknown =>
      data(run(f, ['remote', '--json', ...args], env)).port;
    writeConfig(join(f.project, 'mycli.config.json'), {
      profiles: { p: { type: 'base', properties: { host: 'h.test' } } },
      defaults: { base: 'p' },
    });
    expect(port()).toBe(443);
    writeConfig(join(f.home, 'config.json'), { 'remote.port': 1000 });
    expect(port()).toBe(1000);
    writeConfig(join(f.project, 'mycli.config.json'), {
      profiles: { p: { type: 'base', properties: { host: 'h.test', port: 2000 } } },
      defaults: { base: 'p' },
    });
    expect(port()).toBe(2000);
    expect(port({ MYCLI_OPT_PORT: '3000' })).toBe(3000);
    expect(port({ MYCLI_OPT_PORT: '3000' }, ['--port', '4000'])).toBe(4000);
  });

  it('names file, profile and property of a value of the wrong type', () => {
    const file = join(f.project, 'mycli.config.json');
    writeConfig(file, { profiles: { p: { type: 'base', properties: { host: 'h', port: 'eighty' } } } });
    const r = run(f, ['remote', '--base-profile', 'p']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Invalid value "eighty" for property "port" of profile "p" in ${file}`);
    expect(r.stderr).toContain('mycli config set profiles.p.properties.port <value>');
    writeConfig(file, { profiles: { p: { type: 'base', properties: { host: 'h', port: 70000 } } } });
    const bounded = run(f, ['remote', '--base-profile', 'p', '--json']);
    expect(bounded.json()).toMatchObject({ error: { code: 'EDICT_CONFIG_INVALID' } });
    expect(bounded.stdout).toContain('of profile \\"p\\"');
  });

  it(
    'reports a corrupt config file by name and line:column and keeps ' +
      'it; commands without profiles still run',
    () => {
      const file = join(f.project, 'mycli.config.json');
      writeFileSync(file, '{ "profiles": { ');
      const hash = (): string => createHash('sha256').update(readFileSync(file)).digest('hex');
      const before = hash();
      const r = run(f, ['remote']);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`${file} is not valid JSON: \\w+ at 1:\\d+`));
      const greet = run(f, ['greet', 'Ada']);
      expect(greet).toMatchObject({ status: 0, stdout: 'Hello, Ada!\n', stderr: '' });
      expect(hash()).toBe(before);
    },
  );

  it('lists each missing value and the three ways to give it when there is no terminal (exit 2)', () => {
    writeConfig(join(f.project, 'mycli.config.json'), {
      profiles: { p: { type: 'base', properties: { port: 1 } } },
      defaults: { base: 'p' },
    });
    const r = run(f, ['remote']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('mycli remote is missing a value');
    expect(r.stderr).toContain('--host (property "host" of base profile p)');
    expect(r.stderr).toContain('    --host <value>\n    MYCLI_OPT_HOST=<value>\n');
    expect(r.stderr).toContain('    mycli config set profiles.p.properties.host <value>\n');
    const j = run(f, ['remote', '--json']).json() as { error: { code: string; details: unknown } };
    expect(j.error.code).toBe('EDICT_MISSING_VALUES');
    expect(j.error.details).toEqual({
      missing: [
        {
          option: 'host',
          profileType: 'base',
          profile: 'p',
          property: 'host',
          secure: false,
          ways: [
            '--host <value>',
            'MYCLI_OPT_HOST=<value>',
            'mycli config set profiles.p.properties.host <value>',
          ],
        },
      ],
    });
  });

  it('shows every input and its origin with --show-inputs-only, secure ones masked, running nothing', () => {
    const file = join(f.project, 'mycli.config.json');
    writeConfig(file, {
      profiles: { p: { type: 'base', properties: { host: 'h.test' } } },
      defaults: { base: 'p' },
    });
    const r = run(f, ['remote', '--show-inputs-only', '--password', 'hunter2'], { MYCLI_OPT_USER: 'ada' });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('hunter2');
    expect(r.stdout).not.toContain('Would connect');
    const rows = r.stdout.split('\n').map((l) => l.trim().split(/\s{2,}/));
    expect(rows).toEqual(
      expect.arrayContaining([
        ['host', 'h.test', `profile p (${file})`],
        ['port', '443', 'default'],
        ['user', 'ada', 'MYCLI_OPT_USER'],
        ['password', '****', '--password'],
      ]),
    );
    const j = run(f, ['remote', '--show-inputs-only', '--json'], { MYCLI_OPT_PASSWORD: 'hunter2' });
    expect(j.stdout).not.toContain('hunter2');
    expect((data(j) as { inputs: unknown[] }).inputs).toEqual(
      expect.arrayContaining([
        { name: 'password', value: '****', source: 'env', from: 'MYCLI_OPT_PASSWORD' },
        { name: 'host', value: 'h.test', source: 'profile', from: `profile p (${file})` },
      ]),
    );
  });

  it('lists missing values with --show-inputs-only instead of failing', () => {
    const r = run(f, ['remote', '--show-inputs-only', '--json']);
    expect(r.status).toBe(0);
    expect((data(r) as { inputs: unknown[] }).inputs).toContainEqual(
      expect.objectContaining({ name: 'host', value: null, source: 'missing' }),
    );
  });

  it('lists the profiles of the type for an unknown profile name', () => {
    writeConfig(join(f.home, 'mycli.config.json'), {
      profiles: { a: { type: 'base' }, b: { type: 'base' } },
    });
    const r = run(f, ['remote', '--base-profile', 'nope']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'No profile named "nope" is in the config files. The base profiles are: a, b.',
    );
    expect(r.stderr).toContain('Hint: Name one with --base-profile a');
  });
});
