import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const repoRoot = join(__dirname, '..', '..', '..', '..');

/** `npm run registry` (scripts/registry.mjs) running in a child process, and what it printed. */
export interface RegistryCommand {
  child: ChildProcess;
  /** The URL of its `export npm_config_registry=<url>` line. */
  url: string;
  /** Its `.npmrc` line with the token that may publish. */
  authLine: string;
  /** Sends SIGINT (Ctrl-C) and resolves to the exit code. */
  interrupt(): Promise<number | null>;
}

/** Starts the registry command as a user would and waits for the lines it tells users to use. */
export function startRegistryCommand(env: NodeJS.ProcessEnv): Promise<RegistryCommand> {
  const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'registry.mjs')], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const interrupt = (): Promise<number | null> => {
    if (child.exitCode === null) child.kill('SIGINT');
    return exited;
  };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const url = /^ {2}export npm_config_registry=(\S+)$/m.exec(output)?.[1];
      const authLine = /^ {2}(\/\/127\.0\.0\.1:\d+\/:_authToken=\S+)$/m.exec(output)?.[1];
      if (url && authLine && output.includes('Ctrl-C stops it')) {
        resolve({ child, url, authLine, interrupt });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`scripts/registry.mjs exited ${code}:\n${output}`)));
  });
}
