import type { Manifest } from './closure';
import type { PackedTarball } from './tarball';

/** Where to publish: a registry URL and a token that may publish there. */
export interface SeedTarget {
  url: string;
  token: string;
}

/**
 * Publishes one version with one HTTP PUT of the document `npm publish` sends
 * (`{ _id, name, versions, dist-tags, _attachments }`). A version the registry already has
 * (409) counts as published.
 */
export async function publishPackage(target: SeedTarget, manifest: Manifest, tarball: PackedTarball, tag = 'latest'): Promise<'published' | 'existed'> {
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
      [fileName]: { content_type: 'application/octet-stream', data: tarball.data.toString('base64'), length: tarball.data.length },
    },
  };
  const response = await fetch(`${base}/${name.replace('/', '%2f')}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
    body: JSON.stringify(body),
  });
  if (response.status === 409) return 'existed';
  if (!response.ok) throw new Error(`seedRegistry: publishing ${name}@${version} failed: ${response.status} ${await response.text()}`);
  return 'published';
}
