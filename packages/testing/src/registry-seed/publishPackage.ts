import { request } from 'node:http';
import type { Manifest } from './closure';
import type { PackedTarball } from './tarball';

/** Where to publish: a registry URL and a token that may publish there. */
export interface SeedTarget {
  url: string;
  token: string;
}

function put(url: string, token: string, payload: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'PUT',
      agent: false,
      headers: {
        'content-type': 'application/json',
        'content-length': payload.length,
        authorization: `Bearer ${token}`,
      },
    });
    req.once('error', reject);
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.once('error', reject);
    });
    req.end(payload);
  });
}

/**
 * Publishes one version with one HTTP PUT of the document `npm publish` sends
 * (`{ _id, name, versions, dist-tags, _attachments }`). A version the registry already has
 * (409) counts as published.
 */
export async function publishPackage(
  target: SeedTarget,
  manifest: Manifest,
  tarball: PackedTarball,
  tag = 'latest',
): Promise<'published' | 'existed'> {
  const base = target.url.replace(/\/+$/, '');
  const { name, version } = manifest;
  const fileName = `${name}-${version}.tgz`;
  const versionDoc = {
    ...manifest,
    _id: `${name}@${version}`,
    dist: { tarball: `${base}/${name}/-/${fileName}`, shasum: tarball.shasum, integrity: tarball.integrity },
  };
  const body = {
    _id: name,
    name,
    description: typeof manifest.description === 'string' ? manifest.description : '',
    'dist-tags': { [tag]: version },
    versions: { [version]: versionDoc },
    access: null,
    _attachments: {
      [fileName]: {
        content_type: 'application/octet-stream',
        data: tarball.data.toString('base64'),
        length: tarball.data.length,
      },
    },
  };
  const payload = Buffer.from(JSON.stringify(body));
  let response: { status: number; text: string } | undefined;
  // A fresh connection per attempt (no keep-alive: a reused socket the server closed while a big
  // tarball was being packed fails with EPIPE), and one retry for a dropped connection.
  for (let attempt = 1; !response; attempt++) {
    try {
      response = await put(`${base}/${name.replace('/', '%2f')}`, target.token, payload);
    } catch (err) {
      if (attempt < 3) continue;
      throw new Error(
        `seedRegistry: publishing ${name}` +
          `@${version} (${tarball.data.length}` +
          ` bytes) to ${base}` +
          ` failed: ${(err as Error).message}`,
        { cause: err },
      );
    }
  }
  if (response.status === 409) return 'existed';
  if (response.status < 200 || response.status > 299)
    throw new Error(
      `seedRegistry: publishing ${name}@${version} failed: ${response.status} ${response.text}`,
    );
  return 'published';
}
