import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A private Secret Service (D-Bus session bus + gnome-keyring) for tests of secure values. */
export interface SecretService {
  /** Give these to every process that should use this store (the CLI under test, secret-tool). */
  env: Record<string, string>;
  /** The secret stored under `service` and `account` (the `username` attribute), else undefined. */
  lookup(service: string, account: string): string | undefined;
  /** Stops the bus and the keyring daemon and removes their temp folder. */
  stop(): Promise<void>;
}

/** Whether gnome-keyring-daemon, dbus-daemon and secret-tool are installed. */
export function secretServiceAvailable(): boolean {
  return ['gnome-keyring-daemon', 'dbus-daemon', 'secret-tool'].every(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0,
  );
}

function readAddress(child: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const line = text.split('\n')[0];
      if (text.includes('\n') && line) resolve(line.trim());
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`dbus-daemon exited with ${code} before printing its address`)),
    );
  });
}

// The keyring daemon forks away from us; it is found by the bus address only it and its bus hold.
function pidsWithEnv(marker: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${name}/environ`, 'latin1').includes(marker)) pids.push(Number(name));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

/**
 * Starts a private D-Bus session bus and an unlocked gnome-keyring Secret Service in a temp HOME
 * and XDG_RUNTIME_DIR, so tests store real secrets without touching the user's keyring. Linux
 * only; check {@link secretServiceAvailable} first to skip where the tools are missing.
 */
export async function startSecretService(): Promise<SecretService> {
  const root = mkdtempSync(join(tmpdir(), 'edict-secrets-'));
  const home = join(root, 'home');
  const runtime = join(root, 'run');
  mkdirSync(home, { recursive: true });
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  const base = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, XDG_RUNTIME_DIR: runtime };
  const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
    env: base,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const address = await readAddress(bus);
  const env = { ...base, DBUS_SESSION_BUS_ADDRESS: address };
  const keyring = spawnSync('gnome-keyring-daemon', ['--unlock', '--daemonize', '--components=secrets'], {
    env,
    input: 'pw\n',
    encoding: 'utf8',
  });
  if (keyring.status !== 0) {
    bus.kill();
    rmSync(root, { recursive: true, force: true });
    throw new Error(`gnome-keyring-daemon failed (${keyring.status}): ${keyring.stderr}`);
  }
  return {
    env,
    lookup(service, account) {
      const r = spawnSync('secret-tool', ['lookup', 'service', service, 'username', account], {
        env,
        encoding: 'utf8',
      });
      return r.status === 0 && r.stdout !== '' ? r.stdout : undefined;
    },
    async stop() {
      const daemons = pidsWithEnv(address).filter((pid) => pid !== bus.pid);
      if (bus.exitCode === null && bus.signalCode === null) {
        const exited = new Promise((resolve) => bus.once('exit', resolve));
        bus.kill();
        await exited;
      }
      for (const pid of daemons) {
        try {
          process.kill(pid);
        } catch {
          // already quit with its bus
        }
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
