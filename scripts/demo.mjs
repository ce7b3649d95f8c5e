#!/usr/bin/env node
// The main job, end to end, on a fresh machine: publish the sample plugin to a throw-away local
// registry, `mycli plugins install` it into a temp home, then run the command it adds.
// Nothing outside a temp folder is touched; the registry listens on 127.0.0.1 only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { startRegistry } = require(join(root, 'packages/testing/lib/index.js'));

const home = mkdtempSync(join(tmpdir(), 'mycli-demo-'));
const registry = await startRegistry();
let failed = false;
try {
  const env = { ...process.env, MYCLI_HOME: home, npm_config_userconfig: registry.npmrcPath };
  const mycli = (...args) => {
    console.log(`\n$ mycli ${args.join(' ')}`);
    const r = spawnSync(process.execPath, [join(root, 'bin/mycli'), ...args], { env, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`mycli ${args.join(' ')} exited with ${r.status}`);
  };
  console.log(`Local registry: ${registry.url}   MYCLI_HOME=${home}`);
  await registry.publish(join(root, 'packages/mycli/examples/hello-plugin'));
  mycli('plugins', 'install', '@mycli-examples/plugin-hello');
  mycli('hello', 'world', 'Ada');
  mycli('plugins', 'list');
} catch (err) {
  failed = true;
  console.error(`demo: ${err.message}`);
} finally {
  await registry.stop();
  rmSync(home, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
