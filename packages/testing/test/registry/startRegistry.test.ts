import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRegistry } from '../../src';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'edict-testing-registry-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function writePackage(name: string, version: string): string {
  const dir = join(work, `${name}-${version}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version, license: 'MIT' }));
  writeFileSync(join(dir, 'index.js'), 'module.exports = 1;\n');
  return dir;
}

test(
  'publishes with real npm to a loopback registry, with dist-tags, ' + 'and records what it served',
  async () => {
    const registry = await startRegistry();
    try {
      expect(registry.url).toBe(`http://127.0.0.1:${registry.port}`);
      expect(readFileSync(registry.npmrcPath, 'utf8')).toBe(
        `registry=${registry.url}/\n//127.0.0.1:${registry.port}/:_authToken=${registry.token}\n`,
      );
      await registry.publish(writePackage('reg-pkg', '1.0.0'));
      await registry.publish(writePackage('reg-pkg', '2.0.0-beta.1'), { tag: 'beta' });
      const packument = (await (await fetch(`${registry.url}/reg-pkg`)).json()) as {
        'dist-tags': Record<string, string>;
      };
      expect(packument['dist-tags']).toEqual({ latest: '1.0.0', beta: '2.0.0-beta.1' });
      expect(existsSync(join(registry.storageDir, 'reg-pkg', 'reg-pkg-1.0.0.tgz'))).toBe(true);
      expect(registry.requests()).toContainEqual(
        expect.objectContaining({ method: 'GET', url: '/reg-pkg', status: 200 }),
      );
      // once caught up, the log holds the answer just given, and no marker request of its own
      const served = (log: { url: string; status: number }[]) =>
        log.filter((r) => r.url === '/reg-pkg' && r.status === 200).length;
      const before = served(await registry.caughtUp());
      await fetch(`${registry.url}/reg-pkg`);
      const log = await registry.caughtUp();
      expect(served(log)).toBe(before + 1);
      expect(log.every((r) => !r.url.includes('marker'))).toBe(true);
      // no uplinks: an unknown name is a 404, not a proxied lookup
      expect((await fetch(`${registry.url}/left-pad`)).status).toBe(404);
    } finally {
      await registry.stop();
    }
    expect((await fetch(`${registry.url}/-/ping`).catch(() => undefined))?.ok ?? false).toBe(false);
  },
);

test.each(['jwt', 'legacy'] as const)(
  'with requireAuth and %s tokens, reading needs the token',
  async (tokens) => {
    const registry = await startRegistry({ requireAuth: true, ...(tokens === 'legacy' ? { tokens } : {}) });
    try {
      // a JWT is three dot-separated parts whose first names the algorithm; verdaccio's legacy token is one
      // opaque string
      const header =
        tokens === 'jwt'
          ? JSON.parse(Buffer.from(registry.token.split('.')[0]!, 'base64url').toString())
          : undefined;
      expect(header?.alg).toBe(tokens === 'jwt' ? 'HS256' : undefined);
      expect(registry.token.split('.')).toHaveLength(tokens === 'jwt' ? 3 : 1);
      await registry.publish(writePackage('secret-pkg', '1.0.0'));
      expect((await fetch(`${registry.url}/secret-pkg`)).ok).toBe(false);
      const authed = await fetch(`${registry.url}/secret-pkg`, {
        headers: { authorization: `Bearer ${registry.token}` },
      });
      expect(authed.status).toBe(200);
    } finally {
      await registry.stop();
    }
  },
);
