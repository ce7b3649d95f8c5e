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

  const greeter = {
    type: 'greeter',
    properties: { greeting: { type: 'string' }, token: { type: 'string', secure: true } },
  };

  it('reads the profile types a manifest declares', () => {
    expect(parseManifest(text({ profileTypes: [greeter] }), 'm.json')).toEqual({
      manifest: { edictManifest: 1, name: 'p', version: '1.0.0', commands, profileTypes: [greeter] },
      errors: [],
    });
  });

  it('refuses a manifest with a malformed profile type, listing each problem', () => {
    const bad = { type: 'Greeter', properties: { token: { type: 'secret', secure: 'yes' } } };
    const r = parseManifest(text({ profileTypes: [bad, greeter, greeter] }), 'm.json');
    expect(r.manifest).toBeUndefined();
    expect(r.errors).toEqual([
      'profile type "Greeter": "type" must be a lower-case word (letters, digits and dashes)',
      'profile type "Greeter": property "token": "type" must be one of ' +
        'string, number, boolean, array, object',
      'profile type "Greeter": property "token": "secure" must be a boolean',
      'profile type "greeter" is declared twice',
    ]);
    expect(parseManifest(text({ profileTypes: {} }), 'm.json').errors).toEqual([
      '"profileTypes" must be an array of profile type definitions',
    ]);
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
