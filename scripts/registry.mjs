#!/usr/bin/env node
// `npm run registry`: a local npm registry holding this checkout's packages, for trying
// `npm create edict`, `npm install @edict/core` and `plugins install` before (or without) a
// release. Verdaccio on 127.0.0.1 and a free port, with no uplinks: the public packages go in
// through the release's own publish step; what they and a scaffolded project need from elsewhere
// (pacote, chalk, typescript, @types/node, …) is seeded from this checkout's node_modules, so it
// starts in seconds and works offline. Stays up until Ctrl-C.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publicPackages } from './release/packages.mjs';
import { publishPackages } from './release/publish.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// What a project made by `npm create edict` installs besides the framework.
const SCAFFOLD_TOOLS = ['typescript', '@types/node'];

const started = Date.now();
const boot = spawnSync(process.execPath, [join(root, 'scripts', 'bootstrap.mjs')], { stdio: 'inherit' });
if (boot.status !== 0) process.exit(boot.status ?? 1);

const { startRegistry, seedRegistry } = createRequire(import.meta.url)(join(root, 'packages', 'testing'));
const registry = await startRegistry();
let stopping = false;
const stop = async (code) => {
  if (stopping) return;
  stopping = true;
  await registry.stop();
  process.exit(code);
};
process.on('SIGINT', () => void stop(130));
process.on('SIGTERM', () => void stop(143));

try {
  const names = publicPackages(root).map((p) => p.name);
  const url = `${registry.url}/`;
  const [deps, own] = await Promise.all([
    seedRegistry(registry, [...names, ...SCAFFOLD_TOOLS], { from: root, includeWorkspace: false }),
    publishPackages(root, { registry: url, env: { npm_config_userconfig: registry.npmrcPath } }),
  ]);
  const auth = `//127.0.0.1:${registry.port}/:_authToken=${registry.token}`;
  console.log(
    [
      '',
      `Local registry on ${url}: ${[...own.published, ...own.existed].join(', ')}`,
      `and ${deps.published.length} dependencies (no other packages: it has no uplink).`,
      '',
      'Use it in another terminal:',
      `  export npm_config_registry=${url}`,
      "or in a project's .npmrc:",
      `  registry=${url}`,
      'To publish to it (a plugin, to try `plugins install`), add this line to that .npmrc too:',
      `  ${auth}`,
      '',
      `Ready in ${Math.round((Date.now() - started) / 1000)} s. ` +
        'Ctrl-C stops it (its packages are thrown away).',
    ].join('\n'),
  );
} catch (err) {
  console.error(`registry: ${err.message}\n${err.stderr ?? ''}`);
  await stop(1);
}
