import { MANIFEST_FILE, manifestPathOf } from '../../src/manifest/format';
import { parseManifest } from '../../src/manifest/parseManifest';

const commands = [{ name: 'hello', summary: 'Say hello', handler: './lib/hello.js' }];
const text = (fields: Record<string, unknown>): string =>
  JSON.stringify({ edictManifest: 1, name: 'p', version: '1.0.0', commands, ...fields });

describe('parseManifest', () => {
  it('reads a version 1 manifest', () => {
    expect(parseManifest(text({}), '/p/edict.manifest.json')).toEqual({
      manifest: { edictManifest: 1, name: 'p', version: '1.0.0', commands },
      errors: [],
    });
  });

  it('names the file when it is not JSON', () => {
    const r = parseManifest('{ "edictManifest": 1,', '/p/edict.manifest.json');
    expect(r.manifest).toBeUndefined();
    expect(r.errors).toEqual([expect.stringMatching(/^\/p\/edict\.manifest\.json is not valid JSON: /)]);
  });

  it('refuses another manifest version, saying which one this framework reads', () => {
    expect(parseManifest(text({ edictManifest: 2 }), 'm.json').errors).toEqual([
      '"edictManifest" is 2; this version of Edict reads manifest version 1',
    ]);
    expect(parseManifest(JSON.stringify({ name: 'p', version: '1', commands }), 'm.json').errors).toEqual([
      '"edictManifest" is missing; this version of Edict reads manifest version 1',
    ]);
  });

  it('reports a missing name or version and bad commands together', () => {
    expect(
      parseManifest(
        text({ name: 1, version: undefined, commands: [{ name: 'x', summary: 's', handler: '/x.js' }] }),
        'm.json',
      ).errors,
    ).toEqual([
      '"name" must be a non-empty string',
      '"version" must be a non-empty string',
      'command 0 "x": "handler" must be a path relative to the plugin root',
    ]);
    expect(parseManifest('[]', 'm.json').errors).toEqual(['m.json must hold a JSON object']);
  });
});

describe('manifestPathOf', () => {
  it('is edict.manifest.json at the root unless package.json edict.manifest names another path', () => {
    expect(manifestPathOf('/p', { commands: './c.js' })).toBe(`/p/${MANIFEST_FILE}`);
    expect(manifestPathOf('/p', undefined)).toBe('/p/edict.manifest.json');
    expect(manifestPathOf('/p', { manifest: 'lib/manifest.json' })).toBe('/p/lib/manifest.json');
    expect(manifestPathOf('/p', { manifest: 3 })).toBe('/p/edict.manifest.json');
  });
});
