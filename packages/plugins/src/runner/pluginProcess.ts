import { spawn } from 'node:child_process';
import { childScript, resultOf, type PluginCodeRequest, type PluginCodeResult } from './runPluginCode';

/**
 * A child Node process started ahead of time that waits (blocked on its stdin) for one piece of
 * plugin code to run. Starting it while the tree is still downloading hides Node's own start
 * (~100 ms) behind the network; the isolation is the same as `runPluginCode`'s.
 */
export interface PluginProcess {
  /** The child's process id (undefined when it could not start). */
  readonly pid: number | undefined;
  /** Runs the request in the child (once); never rejects for a failure of the plugin code. */
  run(request: Omit<PluginCodeRequest, 'env'>): Promise<PluginCodeResult>;
  /** Ends the child if it was never given work; harmless after `run`. */
  dispose(): void;
}

/** Starts a plugin-code child with this process's environment. */
export function startPluginProcess(env: NodeJS.ProcessEnv = process.env): PluginProcess {
  const child = spawn(process.execPath, ['-e', childScript], { env, stdio: ['pipe', 'pipe', 'pipe', 'pipe'], windowsHide: true });
  const chunks: Record<'stdout' | 'stderr' | 'result', Buffer[]> = { stdout: [], stderr: [], result: [] };
  child.stdout?.on('data', (c: Buffer) => chunks.stdout.push(c));
  child.stderr?.on('data', (c: Buffer) => chunks.stderr.push(c));
  (child.stdio[3] as NodeJS.ReadableStream | null)?.on('data', (c: Buffer) => chunks.result.push(c));
  let spawnError: Error | undefined;
  const closed = new Promise<PluginCodeResult>((resolve) => {
    child.once('error', (err) => (spawnError = err));
    child.once('close', (status, signal) =>
      resolve(resultOf({
        status,
        signal,
        ...(spawnError ? { error: spawnError } : {}),
        ...Object.fromEntries(Object.entries(chunks).map(([k, v]) => [k, Buffer.concat(v).toString()])) as Record<keyof typeof chunks, string>,
      })),
    );
  });
  // A child killed before it read its input must not fail the parent with EPIPE.
  child.stdin?.on('error', () => undefined);
  let used = false;
  return {
    pid: child.pid,
    run(request) {
      if (used) throw new Error('a plugin process runs one request');
      used = true;
      child.stdin?.end(JSON.stringify(request));
      return closed;
    },
    dispose() {
      if (!used && child.exitCode === null && child.signalCode === null) child.kill();
      used = true;
    },
  };
}
