import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSandbox, type Sandbox } from '../helpers/cliSandbox';

// A registry on 127.0.0.1 over HTTPS with a self-signed certificate made here by openssl: the
// error names the certificate and hints at npm's cafile setting, which then makes it work.
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
let work: string;
let server: Server;
let url: string;
let certFile: string;
const sandboxes: Sandbox[] = [];

function sandbox(npmrc: string): Sandbox {
  const s = makeSandbox(npmrc, join(work, `npm-cache-${sandboxes.length}`));
  sandboxes.push(s);
  return s;
}

beforeAll(async () => {
  if (!hasOpenssl) return;
  work = mkdtempSync(join(tmpdir(), 'mycli-e2e-tls-'));
  certFile = join(work, 'cert.pem');
  const keyFile = join(work, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  // Every document is missing: a client that trusts the certificate gets as far as a 404.
  server = createServer({ key: readFileSync(keyFile), cert: readFileSync(certFile) }, (_req, res) => {
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  for (const s of sandboxes) s.cleanup();
  if (server) await new Promise((r) => server.close(r));
  if (work) rmSync(work, { recursive: true, force: true });
});

(hasOpenssl ? describe : describe.skip)('a registry whose TLS certificate is self-signed', () => {
  test(
    'install fails at once with the certificate problem and the hint ' + "to set npm's cafile, not npm ping",
    async () => {
      const npmrc = join(work, 'npmrc-untrusted');
      writeFileSync(npmrc, `registry=${url}/\n`);
      const r = await sandbox(npmrc).run(['plugins', 'install', 'mycli-plugin-x']);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(
        `Error: The certificate of the registry at ${url}` +
          ` is signed by a certificate authority this machine does not ` +
          `trust (DEPTH_ZERO_SELF_SIGNED_CERT, fetching mycli-plugin-x).\n` +
          'Hint: If your network or registry uses its own certificate authority, ' +
          'give npm its certificate: npm config set cafile /path/to/ca.pem ' +
          '(npm config set strict-ssl false turns the check off)\n',
      );
      const json = await sandbox(npmrc).json(['plugins', 'install', 'mycli-plugin-x']);
      expect(json.error).toMatchObject({
        code: 'EDICT_PLUGIN_FETCH_FAILED',
        details: { npmCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
      });
    },
  );

  test('with the hint followed (cafile names the certificate) the registry is reached', async () => {
    const npmrc = join(work, 'npmrc-trusted');
    writeFileSync(npmrc, `registry=${url}/\ncafile=${certFile}\n`);
    const r = await sandbox(npmrc).run(['plugins', 'install', 'mycli-plugin-x']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Error: Cannot find mycli-plugin-x: 404 Not Found/);
    expect(r.stderr).not.toMatch(/certificate/);
  });
});
