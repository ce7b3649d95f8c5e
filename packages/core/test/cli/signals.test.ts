import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_LIB, requireBuilt, tempDir } from '../support/childCli';

// runMain on SIGINT/SIGTERM: the cleanups registered with registerCleanup run, then the process
// exits 130/143, unless the running command listens to the signal itself.
let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('edict-signals'));
  const core = JSON.stringify(requireBuilt(CORE_LIB));
  const wait =
    `const { registerCleanup } = require(${core}` +
    `);\nexports.handler = () => { registerCleanup(() => process.stderr.write('cleaned\\n')); ` +
    `OWN; process.stdout.write('ready\\n'); return new Promise(() ` +
    `=> setInterval(() => {}, 1000)); };\n`;
  writeFileSync(join(dir, 'wait.js'), wait.replace('OWN', ''));
  writeFileSync(
    join(dir, 'own.js'),
    wait.replace('OWN', `process.on('SIGINT', () => { process.stderr.write('own\\n'); process.exit(7); })`),
  );
  const commands = ['wait', 'own'].map((name) => ({ name, summary: name, handler: join(dir, `${name}.js`) }));
  writeFileSync(
    join(dir, 'cli.js'),
    `const core = require(${core});\n` +
      `const options = { name: 'sig', version: '1.0.0', home: ${JSON.stringify(join(dir, 'home'))} };\n` +
      `core.runMain(core.createCli({ ...options, commands: ${JSON.stringify(commands)} }));\n`,
  );
});
afterEach(() => cleanup());

function interrupt(
  command: string,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(dir, 'cli.js'), command], {
      env: { PATH: process.env.PATH ?? '' },
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => c.toString().includes('ready') && child.kill(signal));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('runMain on a signal', () => {
  it('runs the registered cleanups and exits 130 on SIGINT', async () => {
    expect(await interrupt('wait', 'SIGINT')).toEqual({ code: 130, stderr: 'cleaned\n' });
  });

  it('runs the registered cleanups and exits 143 on SIGTERM', async () => {
    expect(await interrupt('wait', 'SIGTERM')).toEqual({ code: 143, stderr: 'cleaned\n' });
  });

  it('leaves the exit to a command that listens to the signal itself, after the cleanups', async () => {
    expect(await interrupt('own', 'SIGINT')).toEqual({ code: 7, stderr: 'cleaned\nown\n' });
  });
});
