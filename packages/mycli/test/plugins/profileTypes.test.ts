import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRegistry, type TestRegistry } from '../../../testing/src';
import { hashTree, listTree, makeSandbox, REPO_ROOT, type Sandbox } from '../helpers/cliSandbox';
import { writePlugin, type FixturePlugin } from '../helpers/fixturePlugin';

// End-to-end: plugins declaring profile types, installed by the built mycli from a real registry.
let registry: TestRegistry;
let work: string;
const sandboxes: Sandbox[] = [];

function sandbox(): Sandbox {
  const s = makeSandbox(registry.npmrcPath, join(work, 'npm-cache'));
  sandboxes.push(s);
  return s;
}

const greeterType = {
  type: 'greeter',
  summary: 'Where greetings are signed',
  properties: { greeting: { type: 'string' }, token: { type: 'string', secure: true } },
};
const fixtures: FixturePlugin[] = [
  {
    name: 'mycli-plugin-greets',
    version: '1.0.0',
    profileTypes: [greeterType],
    commands: [{ name: 'run', profile: { optional: ['greeter'] } }],
  },
  { name: 'mycli-plugin-rival', version: '1.0.0', profileTypes: [greeterType] },
];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'mycli-e2e-types-'));
  registry = await startRegistry();
  for (const f of fixtures) await registry.publish(writePlugin(join(work, 'published'), f));
});

afterAll(async () => {
  for (const s of sandboxes) s.cleanup();
  await registry?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The profile types the config schema in MYCLI_HOME knows (undefined when there is no schema). */
function schemaTypes(s: Sandbox): string[] | undefined {
  const file = join(s.home, 'mycli.schema.json');
  if (!existsSync(file)) return undefined;
  const schema = JSON.parse(readFileSync(file, 'utf8')) as {
    $defs: { profile: { properties: { type: { enum: string[] } } } };
  };
  return schema.$defs.profile.properties.type.enum;
}

describe('profile types of plugins', () => {
  test('installing a plugin adds its type to the config schema, uninstalling takes it out', async () => {
    const s = sandbox();
    const installed = await s.run(['plugins', 'install', 'mycli-plugin-greets']);
    expect(installed.stderr).toBe('');
    expect(installed.stdout).toBe(
      'Installed mycli-plugin-greets@1.0.0: commands greets; profile types greeter\n',
    );
    expect(schemaTypes(s)).toEqual(['base', 'greeter']);
    expect((await s.run(['greets', 'run'])).stdout).toBe('mycli-plugin-greets@1.0.0 run\n');
    const listed = await s.json(['plugins', 'list']);
    expect(listed.data).toMatchObject([{ name: 'mycli-plugin-greets', profileTypes: ['greeter'] }]);
    const table = (await s.run(['plugins', 'list'])).stdout;
    expect(table).toMatch(/profile types/);
    expect(table).toMatch(/ greets +greeter +ok\n/);
    const removed = await s.run(['plugins', 'uninstall', 'mycli-plugin-greets']);
    expect(removed.status).toBe(0);
    expect(schemaTypes(s)).toEqual(['base']);
  });

  test('a type of another plugin is refused at install, nothing changes; validate reports it', async () => {
    const s = sandbox();
    expect((await s.run(['plugins', 'install', 'mycli-plugin-greets'])).status).toBe(0);
    const before = { hash: hashTree(s.pluginsDir), tree: listTree(s.pluginsDir) };
    const schema = readFileSync(join(s.home, 'mycli.schema.json'), 'utf8');
    const refused = await s.json(['plugins', 'install', 'mycli-plugin-rival']);
    expect(refused.exitCode).toBe(1);
    expect(refused.error).toMatchObject({
      code: 'EDICT_PLUGIN_INVALID',
      message: expect.stringContaining(
        'profile type "greeter" is already declared by plugin mycli-plugin-greets',
      ) as string,
      hint: 'Uninstall the plugin it collides with first: mycli plugins uninstall mycli-plugin-greets',
    });
    expect({ hash: hashTree(s.pluginsDir), tree: listTree(s.pluginsDir) }).toEqual(before);
    expect(readFileSync(join(s.home, 'mycli.schema.json'), 'utf8')).toBe(schema);

    const folder = writePlugin(s.fixtures, fixtures[1]!);
    const validated = await s.run(['plugins', 'validate', folder]);
    expect(validated.status).toBe(1);
    expect(validated.stdout).toContain(
      'error   PROFILE_TYPE_COLLISION: ' +
        'profile type "greeter" is already declared by plugin mycli-plugin-greets',
    );
  });

  test('the sample plugin: link adds greeter to the schema, unlink removes it, install adds it', async () => {
    const s = sandbox();
    // a copy: linking writes the plugin's manifest into its folder
    const example = join(s.fixtures, 'hello-plugin');
    cpSync(join(REPO_ROOT, 'packages', 'mycli', 'examples', 'hello-plugin'), example, { recursive: true });
    const linked = await s.run(['plugins', 'link', example]);
    expect(linked.stderr).toBe('');
    expect(schemaTypes(s)).toEqual(['base', 'greeter']);
    const unlinked = await s.run(['plugins', 'unlink', '@mycli-examples/plugin-hello']);
    expect(unlinked.status).toBe(0);
    expect(schemaTypes(s)).toEqual(['base']);

    const installed = await s.run(['plugins', 'install', example]);
    expect(installed.stdout).toBe(
      'Installed @mycli-examples/plugin-hello@1.0.0: commands hello; profile types greeter\n',
    );
    expect(schemaTypes(s)).toEqual(['base', 'greeter']);
    const greeted = await s.run(['hello', 'world', 'Ada', '--token', 's3cret-token']);
    expect({ status: greeted.status, stdout: greeted.stdout }).toEqual({
      status: 0,
      stdout: 'Hello, Ada! (signed in with a token of 12 characters)\n',
    });
  });
});
