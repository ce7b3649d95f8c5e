import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The built entry of @edict/core (build first). */
const CORE_LIB = resolve(__dirname, '../../../core/lib/index.js');

/** The profile types of the test CLI `procli`: `base` (host, port) and `greeter` (greeting, token). */
export const PROFILE_TYPES = [
  {
    type: 'base',
    summary: 'Connection defaults every profile shares',
    properties: {
      host: { type: 'string', description: 'Host name' },
      port: { type: 'number', default: 443 },
    },
  },
  {
    type: 'greeter',
    summary: 'How to greet',
    properties: {
      greeting: { type: 'string', default: 'Hello' },
      token: { type: 'string', secure: true },
    },
  },
];

/** A test CLI with profile types, in a temp folder with a project folder, a home and a config folder. */
export interface ProfileCli {
  root: string;
  /** The bin: `node <bin> …`. */
  bin: string;
  /** The working folder the runs start in (a project folder). */
  project: string;
  /** PROCLI_HOME: the data and config folder (cache under it). */
  home: string;
  configDir: string;
  /** The environment of each run (PATH, HOME and PROCLI_HOME, plus `extra`). */
  env(extra?: Record<string, string>): Record<string, string>;
  run(
    args: readonly string[],
    options?: { env?: Record<string, string>; cwd?: string; input?: string },
  ): Promise<{ status: number | null; stdout: string; stderr: string }>;
  cleanup(): void;
}

/**
 * Writes `procli`: a CLI on the built core with {@link PROFILE_TYPES}. With `PROCLI_CREDENTIALS_FILE`
 * set its credential manager keeps secure values in that JSON file (a host-given manager);
 * otherwise the default one, the OS credential store.
 */
export function makeProfileCli(): ProfileCli {
  const root = mkdtempSync(join(tmpdir(), 'procli-'));
  const project = join(root, 'project');
  const home = join(root, 'home');
  const user = join(root, 'user');
  for (const d of [project, home, user]) mkdirSync(d, { recursive: true });
  const bin = join(root, 'procli.js');
  writeFileSync(
    bin,
    `const fs = require('node:fs');
const core = require(${JSON.stringify(CORE_LIB)});
const file = process.env.PROCLI_CREDENTIALS_FILE;
const read = () => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {});
const write = (data) => fs.writeFileSync(file, JSON.stringify(data));
const credentialManager = file && {
  name: 'the test vault',
  load: async (account) => read()[account],
  save: async (account, value) => write({ ...read(), [account]: value }),
  delete: async (account) => {
    const d = read(); const had = account in d; delete d[account]; write(d); return had;
  },
};
core.runMain(core.createCli({ name: 'procli', version: '1.0.0',
  profileTypes: ${JSON.stringify(PROFILE_TYPES)},
  ...(credentialManager ? { credentialManager } : {}) }));
`,
  );
  const env = (extra: Record<string, string> = {}): Record<string, string> => ({
    PATH: process.env.PATH ?? '',
    HOME: user,
    PROCLI_HOME: home,
    ...extra,
  });
  return {
    root,
    bin,
    project,
    home,
    configDir: home,
    env,
    run: (args, options = {}) =>
      new Promise((resolvePromise, reject) => {
        const child = spawn(process.execPath, [bin, ...args], {
          cwd: options.cwd ?? project,
          env: env(options.env),
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.stdin.end(options.input ?? '');
        const timer = setTimeout(() => child.kill('SIGKILL'), 60000);
        child.once('error', reject);
        child.once('close', (status) => {
          clearTimeout(timer);
          resolvePromise({ status, stdout, stderr });
        });
      }),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
