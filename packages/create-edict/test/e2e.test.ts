/**
 * End to end, on loopback only, from nothing but the docs: `npm run registry`
 * (scripts/registry.mjs) is started as a user would, in a child process; it publishes the public
 * packages through the release's own publish step (so what is installed here is what a release
 * would publish) into a throw-away registry with no uplinks. With the `npm_config_registry` it
 * prints, getting-started's project installs and runs; a CLI and a plugin are made with
 * `npm create edict`, installed, built and tested with their own scripts; the plugin is packed
 * (its prepack writes the command manifest), linked into the CLI, then published and installed
 * with `plugins install`. Finally Ctrl-C stops the registry.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGettingStartedProject } from '../../core/test/docs/gettingStartedFiles';
import { runCommand } from '../../testing/src';
import { startRegistryCommand, type RegistryCommand } from './helpers/registryCommand';

let registry: RegistryCommand;
let work: string;
let npmEnv: NodeJS.ProcessEnv;
const cliDir = (): string => join(work, 'democli');
const pluginDir = (): string => join(work, 'democli-plugin-greet');
const cliBin = (): string => join(cliDir(), 'bin', 'democli.js');

/** Runs a command and fails with its output when it exits non-zero. */
function sh(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, env: npmEnv, encoding: 'utf8', shell: process.platform === 'win32' });
  if (r.status !== 0)
    throw new Error(
      `${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.status ?? r.signal}\n${r.stdout}\n${r.stderr}`,
    );
  return r.stdout;
}
const npm = (args: string[], cwd: string): string =>
  sh(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, cwd);
/** `npm publish` of a folder with the token line the registry command printed. */
const publish = (dir: string): string => npm(['publish', '--ignore-scripts'], dir);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'edict-e2e-'));
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  registry = await startRegistryCommand(env);
  // As the registry command says: the export line, and the token line in an .npmrc to publish.
  writeFileSync(join(work, '.npmrc'), `${registry.authLine}\n`);
  npmEnv = {
    PATH: process.env.PATH,
    HOME: work,
    npm_config_registry: registry.url,
    npm_config_cache: join(work, '.npm-cache'),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_yes: 'true',
  };
  for (const key of ['SystemRoot', 'TEMP', 'TMP', 'TMPDIR'])
    if (process.env[key]) npmEnv[key] = process.env[key];
}, 180_000);

afterAll(async () => {
  await registry?.interrupt();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('getting started, from the registry the registry command serves', () => {
  it('installs the project of docs/getting-started.md and runs it', () => {
    const project = join(work, 'hello-cli');
    writeGettingStartedProject(project);
    npm(['install'], project);
    const out = sh(
      process.execPath,
      [join(project, 'bin', 'hello.js'), 'greet', 'Ada', '-s', '-t', '2'],
      work,
    );
    expect(out).toBe('HELLO, ADA!\nHELLO, ADA!\n');
  }, 120_000);
});

describe('scaffolded CLI and plugin, from a local registry', () => {
  it('scaffolds a CLI that installs, builds, type-checks and passes its own tests', () => {
    // `npm create edict` fetches create-edict from the registry and runs its bin, as a user would
    npm(['create', 'edict', 'democli', '--', '--pm', 'npm', '--yes'], work);
    npm(['install'], cliDir());
    npm(['run', 'build'], cliDir());
    npm(['run', 'lint'], cliDir());
    expect(npm(['test'], cliDir())).toMatch(/^# pass 5$/m);
    const out = sh(process.execPath, [cliBin(), 'hello', 'Ada'], work);
    expect(out).toBe('Hello, Ada!\n');
  }, 240_000);

  it('scaffolds a plugin for it with npm create edict that installs and passes its own tests', () => {
    publish(cliDir());
    npm(['create', 'edict', 'democli-plugin-greet', '--', '--plugin', '--host', 'democli', '--yes'], work);
    npm(['install'], pluginDir());
    npm(['run', 'lint'], pluginDir());
    expect(npm(['test'], pluginDir())).toMatch(/^# pass 5$/m);
  }, 240_000);

  it("packs the plugin with its command manifest, written by the plugin's prepack", () => {
    const out = npm(['pack', '--dry-run', '--json'], pluginDir());
    const [report] = JSON.parse(out.slice(out.search(/^\[/m))) as { files: { path: string }[] }[];
    expect(report!.files.map((f) => f.path)).toContain('edict.manifest.json');
    const manifest = JSON.parse(readFileSync(join(pluginDir(), 'edict.manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      edictManifest: 1,
      name: 'democli-plugin-greet',
      version: '0.1.0',
      commands: [{ kind: 'group', name: 'greet' }],
      profileTypes: [{ type: 'greet', properties: { token: { type: 'string', secure: true } } }],
    });
    expect(manifest.commands[0].children[0]).toMatchObject({
      name: 'hello',
      handler: './lib/handlers/hello.js',
      profile: { optional: ['greet'] },
    });
  }, 120_000);

  it('links the plugin into the installed CLI and runs its command', async () => {
    const home = join(work, 'home-link');
    const link = await runCommand({
      bin: cliBin(),
      home,
      argv: ['plugins', 'link', pluginDir()],
      env: npmEnv,
    });
    expect(link.stderr).toBe('');
    expect(link.exitCode).toBe(0);
    const run = await runCommand({ bin: cliBin(), home, argv: ['greet', 'hello', 'Ada', '--shout'] });
    expect({ code: run.exitCode, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 0,
      stdout: 'HELLO, ADA!\n',
      stderr: '',
    });
  }, 60_000);

  it('publishes the plugin, installs it with `plugins install` and runs its command', async () => {
    publish(pluginDir());
    const home = join(work, 'home-install');
    const env = { ...npmEnv };
    const install = await runCommand({
      bin: cliBin(),
      home,
      argv: ['plugins', 'install', 'democli-plugin-greet'],
      env,
    });
    expect(install.exitCode).toBe(0);
    const record = JSON.parse(readFileSync(join(home, 'plugins', 'plugins.json'), 'utf8'));
    expect(record.plugins['democli-plugin-greet']).toMatchObject({ version: '0.1.0', source: 'registry' });
    const run = await runCommand({ bin: cliBin(), home, argv: ['greet', 'hello', '--json'], env });
    expect(run.exitCode).toBe(0);
    expect(run.result).toEqual({ greeting: 'Hello, world!' });
    const search = await runCommand({
      bin: cliBin(),
      home,
      argv: ['plugins', 'search', 'greet', '--json'],
      env,
    });
    expect(search.exitCode).toBe(0);
    expect(JSON.stringify(search.result)).toContain('democli-plugin-greet');
  }, 120_000);
});

describe('the registry command', () => {
  it('stops on Ctrl-C with exit code 130', async () => {
    expect(await registry.interrupt()).toBe(130);
    const ping = await fetch(`${registry.url}-/ping`).then(
      () => 'answered',
      () => 'refused',
    );
    expect(ping).toBe('refused');
  });
});
