import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeProfileCli, type ProfileCli } from '../helpers/profileCli';
import { HAND_EDITED } from '../helpers/profileConfigs';

// The `config` commands on the team config files, run as a child process of a test CLI with a
// `base` and a `greeter` profile type. Secure values go to a host-given credential manager that
// keeps them in one JSON file (the OS credential store is tested in secureKeyring.test.ts).
let c: ProfileCli;
let vault: string;
let run: ProfileCli['run'];
beforeEach(() => {
  c = makeProfileCli();
  vault = join(c.root, 'vault.json');
  run = (args, options = {}) =>
    c.run(args, { ...options, env: { PROCLI_CREDENTIALS_FILE: vault, ...options.env } });
});
afterEach(() => c.cleanup());

const projectFile = (): string => join(c.project, 'procli.config.json');
const json = async <T>(
  args: string[],
): Promise<{
  status: number | null;
  data: T;
  error: { code: string; message: string; hint?: string } | null;
}> => {
  const r = await run([...args, '--json']);
  return {
    status: r.status,
    ...(JSON.parse(r.stdout) as { data: T; error: { code: string; message: string; hint?: string } | null }),
  };
};

describe('config init', () => {
  it('writes the skeleton and the schema without a terminal', async () => {
    const r = await run(['config', 'init']);
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(projectFile(), 'utf8'))).toEqual({
      $schema: './procli.schema.json',
      profiles: {
        base: { type: 'base', properties: { port: 443 } },
        greeter: { type: 'greeter', properties: { greeting: 'Hello' }, secure: ['token'] },
      },
      defaults: { base: 'base', greeter: 'greeter' },
    });
    const schema = JSON.parse(readFileSync(join(c.project, 'procli.schema.json'), 'utf8')) as {
      $defs: { profile: { properties: { type: { enum: string[] } } } };
    };
    expect(schema.$defs.profile.properties.type.enum).toEqual(['base', 'greeter']);
    expect(existsSync(vault)).toBe(false);
  });

  it('writes the global file with --global and the user file with --user', async () => {
    expect((await run(['config', 'init', '--global'])).status).toBe(0);
    expect(existsSync(join(c.configDir, 'procli.config.json'))).toBe(true);
    expect(existsSync(join(c.configDir, 'procli.schema.json'))).toBe(true);
    expect((await run(['config', 'init', '--user'])).status).toBe(0);
    // A user file overrides the shared one: it starts with no values and no defaults.
    expect(JSON.parse(readFileSync(join(c.project, 'procli.config.user.json'), 'utf8'))).toEqual({
      $schema: './procli.schema.json',
      profiles: { base: { type: 'base', properties: {} }, greeter: { type: 'greeter', properties: {} } },
    });
  });

  it('writes in the working folder even below a project folder, and config set then finds it', async () => {
    writeFileSync(projectFile(), HAND_EDITED);
    const sub = join(c.project, 'sub');
    mkdirSync(sub);
    expect((await run(['config', 'init'], { cwd: sub })).status).toBe(0);
    expect(existsSync(join(sub, 'procli.config.json'))).toBe(true);
    expect((await run(['config', 'set', 'defaults.greeter', 'base'], { cwd: sub })).status).toBe(0);
    expect(readFileSync(join(sub, 'procli.config.json'), 'utf8')).toContain('"greeter": "base"');
    expect(readFileSync(projectFile(), 'utf8')).toBe(HAND_EDITED);
  });

  it('refuses to overwrite an existing file', async () => {
    writeFileSync(projectFile(), HAND_EDITED);
    const r = await json(['config', 'init']);
    expect(r.status).toBe(1);
    expect(r.error?.code).toBe('EDICT_CONFIG_EXISTS');
    expect(r.error?.message).toContain(projectFile());
    expect(readFileSync(projectFile(), 'utf8')).toBe(HAND_EDITED);
  });
});

describe('config set of profiles and defaults', () => {
  it('keeps the comments of a hand-edited file', async () => {
    writeFileSync(projectFile(), HAND_EDITED);
    expect((await run(['config', 'set', 'profiles.dev.greeter.properties.greeting', 'Howdy'])).status).toBe(
      0,
    );
    expect((await run(['config', 'set', 'defaults.base', 'dev'])).status).toBe(0);
    const text = readFileSync(projectFile(), 'utf8');
    expect(text).toContain("// Our team's servers: keep this comment");
    expect(text).toContain('// shared by the nested ones');
    expect(text).toContain('"greeting": "Howdy"');
    expect(text).toContain('"base": "dev"');
  });

  it('writes to the global file when no project file is found, and --user picks the user file', async () => {
    expect((await run(['config', 'set', 'profiles.g.type', 'greeter'])).status).toBe(0);
    expect(JSON.parse(readFileSync(join(c.configDir, 'procli.config.json'), 'utf8'))).toEqual({
      $schema: './procli.schema.json',
      profiles: { g: { type: 'greeter' } },
    });
    expect(
      (await run(['config', 'set', 'profiles.g.properties.greeting', 'Yo', '--global', '--user'])).status,
    ).toBe(0);
    expect(readFileSync(join(c.configDir, 'procli.config.user.json'), 'utf8')).toContain('"greeting": "Yo"');
  });

  it('refuses a property the profile type does not declare, and saves nothing', async () => {
    writeFileSync(projectFile(), HAND_EDITED);
    const unknown = await json(['config', 'set', 'profiles.dev.greeter.properties.colour', 'red']);
    expect(unknown.error?.code).toBe('EDICT_CONFIG_INVALID');
    expect(unknown.error?.message).toContain(projectFile());
    expect(unknown.error?.message).toContain('"dev.greeter"');
    expect(unknown.error?.message).toContain('"colour"');
    expect(readFileSync(projectFile(), 'utf8')).toBe(HAND_EDITED);
  });

  it('names the file, profile and property of a number property given text', async () => {
    await run(['config', 'init']);
    const before = readFileSync(projectFile(), 'utf8');
    const r = await json(['config', 'set', 'profiles.base.properties.port', 'many']);
    expect(r.error?.code).toBe('EDICT_CONFIG_INVALID');
    expect(r.error?.message).toContain(projectFile());
    expect(r.error?.message).toContain('"base"');
    expect(r.error?.message).toContain('"port"');
    expect(readFileSync(projectFile(), 'utf8')).toBe(before);
  });

  it('fails clearly on a corrupt config file and leaves it unchanged', async () => {
    const corrupt = '{ "profiles": { "dev": { "properties": { "host": "x" } }\n';
    writeFileSync(projectFile(), corrupt);
    const r = await json(['config', 'set', 'profiles.dev.properties.host', 'y']);
    expect(r.status).toBe(1);
    expect(r.error?.code).toBe('EDICT_CONFIG_INVALID');
    expect(r.error?.message).toContain(projectFile());
    expect(readFileSync(projectFile(), 'utf8')).toBe(corrupt);
  });

  it('stores a property its type declares secure in the credential manager, never in the file', async () => {
    writeFileSync(projectFile(), HAND_EDITED);
    const r = await run(['config', 'set', 'profiles.dev.greeter.properties.token', 'tok-3141']);
    expect(r.status).toBe(0);
    const text = readFileSync(projectFile(), 'utf8');
    expect(text).not.toContain('tok-3141');
    expect(text).toContain('"secure": [');
    expect(JSON.parse(readFileSync(vault, 'utf8'))).toEqual({
      [`${projectFile()}:dev.greeter.token`]: 'tok-3141',
    });
  });

  it('without a terminal, --secure and no value is EDICT_PROMPT_UNAVAILABLE, storing nothing', async () => {
    writeFileSync(projectFile(), HAND_EDITED);
    const r = await json(['config', 'set', 'profiles.dev.properties.password', '--secure']);
    expect(r.error?.code).toBe('EDICT_PROMPT_UNAVAILABLE');
    expect(r.error?.hint).toContain('procli config set profiles.dev.properties.password <value> --secure');
    expect(readFileSync(projectFile(), 'utf8')).toBe(HAND_EDITED);
    expect(existsSync(vault)).toBe(false);
  });

  it('unsets a secure property: out of the file and out of the credential manager', async () => {
    writeFileSync(projectFile(), HAND_EDITED);
    await run(['config', 'set', 'profiles.dev.greeter.properties.token', 'tok-3141']);
    expect((await run(['config', 'unset', 'profiles.dev.greeter.properties.token'])).status).toBe(0);
    expect(JSON.parse(readFileSync(vault, 'utf8'))).toEqual({});
    expect(readFileSync(projectFile(), 'utf8')).toContain('"secure": []');
  });

  it('keeps option defaults in config.json as before', async () => {
    expect((await run(['config', 'set', 'times', '3'])).status).toBe(0);
    expect(JSON.parse(readFileSync(join(c.configDir, 'config.json'), 'utf8'))).toEqual({ times: 3 });
    expect(existsSync(projectFile())).toBe(false);
  });
});

describe('config list', () => {
  beforeEach(() => {
    writeFileSync(projectFile(), HAND_EDITED);
    mkdirSync(c.configDir, { recursive: true });
    writeFileSync(
      join(c.configDir, 'procli.config.json'),
      JSON.stringify({ profiles: { dev: { properties: { port: 8443 } } }, defaults: { base: 'dev' } }),
    );
  });

  it('names the file of each value with --locations, and masks secure values', async () => {
    await run(['config', 'set', 'profiles.dev.greeter.properties.token', 'tok-3141']);
    const global = join(c.configDir, 'procli.config.json');
    const r = await run(['config', 'list', '--locations']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('tok-3141');
    const lines = r.stdout.split('\n');
    expect(lines).toContain(`    host = "dev.example.test"  [${projectFile()}]`);
    expect(lines).toContain(`    port = 8443  [${global}]`);
    expect(lines).toContain(`    token = (secure)  [${projectFile()}]`);
    expect(lines).toContain(`  dev.greeter (greeter, default)  [${projectFile()}]`);
    expect(lines).toContain(`  base = dev  [${global}]`);
  });

  it('returns the merged view as data under --json', async () => {
    await run(['config', 'set', 'profiles.dev.greeter.properties.token', 'tok-3141']);
    const r = await json<{
      files: string[];
      profiles: { name: string; properties: Record<string, unknown> }[];
    }>(['config', 'list']);
    expect(r.data.files).toEqual([projectFile(), join(c.configDir, 'procli.config.json')]);
    expect(r.data.profiles.map((p) => p.name)).toEqual(['dev', 'dev.greeter']);
    expect(r.data.profiles[1]?.properties.token).toEqual({ secure: true, file: projectFile() });
    expect(JSON.stringify(r.data)).not.toContain('tok-3141');
  });
});

describe('config get of profiles and defaults', () => {
  it('shows the merged value, (secure) for a secure one, and fails for one no file sets', async () => {
    writeFileSync(projectFile(), HAND_EDITED);
    await run(['config', 'set', 'profiles.dev.greeter.properties.token', 'tok-3141']);
    expect((await run(['config', 'get', 'profiles.dev.greeter.properties.greeting'])).stdout).toBe('Hi\n');
    expect((await run(['config', 'get', 'defaults.greeter'])).stdout).toBe('dev.greeter\n');
    const secure = await run(['config', 'get', 'profiles.dev.greeter.properties.token']);
    expect(secure.stdout).toBe('(secure)\n');
    const unset = await json(['config', 'get', 'profiles.dev.properties.port']);
    expect(unset.error?.code).toBe('EDICT_CONFIG_KEY_NOT_SET');
  });
});

describe('config profiles and config schema', () => {
  it('lists the types and their profiles, the default marked', async () => {
    writeFileSync(projectFile(), HAND_EDITED);
    const r = await run(['config', 'profiles']);
    expect(r.stdout.split('\n')).toEqual([
      'base - Connection defaults every profile shares',
      '  (no profiles)',
      'greeter - How to greet',
      '  * dev.greeter',
      '',
    ]);
  });

  it('prints the schema, and writes it beside the config files with --write', async () => {
    const printed = JSON.parse((await run(['config', 'schema'])).stdout) as { title: string };
    expect(printed.title).toBe('procli configuration');
    writeFileSync(projectFile(), HAND_EDITED);
    expect((await run(['config', 'schema', '--write'])).status).toBe(0);
    expect(JSON.parse(readFileSync(join(c.project, 'procli.schema.json'), 'utf8'))).toEqual(printed);
  });
});
