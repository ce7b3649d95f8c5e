// Publishes generated packages to the throw-away registry in process: each is packed with
// @edict/testing's packTarball and sent with one HTTP PUT (publishPackage), several at a time.
// `npm publish` per package would take about a second each.
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * @param {string} root repository root (packages/testing must be built)
 * @param {{ url: string, token: string }} registry
 * @param {{ manifest: Record<string, unknown>, files: { path: string, data: Buffer | null }[] }[]} packages
 *   a `package.json` entry with `data: null` is filled from the manifest
 */
export async function publishAll(root, registry, packages, concurrency = 8) {
  const require = createRequire(import.meta.url);
  const { packTarball } = require(join(root, 'packages/testing/lib/index.js'));
  const { publishPackage } = require(join(root, 'packages/testing/lib/registry-seed/publishPackage.js'));
  // Versions of one name go one after another, lowest first (each PUT updates one document).
  const byName = new Map();
  for (const pkg of packages) byName.set(pkg.manifest.name, [...(byName.get(pkg.manifest.name) ?? []), pkg]);
  const queues = [...byName.values()];
  let count = 0;
  const worker = async () => {
    for (let queue = queues.shift(); queue; queue = queues.shift()) {
      for (const { manifest, files } of queue) {
        const entries = files.map((f) => ({
          path: f.path,
          data: f.data ?? Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
        }));
        await publishPackage(registry, manifest, packTarball(entries));
        count++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return count;
}
