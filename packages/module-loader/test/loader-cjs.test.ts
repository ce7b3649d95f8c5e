import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { disabledListing, enabledListing, hostCore, pluginCore, pluginFile } from './helpers/expected';
import type { Fixture } from './helpers/fixture-tree';
import { nodeBinaries } from './helpers/node-binaries';
import { fixtureFor, runFixture } from './helpers/run-fixture';

describe.each(nodeBinaries)('a CommonJS plugin on %s', (_label, binary) => {
  let node: string;
  let fixture: Fixture;
  beforeAll(() => {
    node = binary();
  });
  beforeEach(() => {
    fixture = fixtureFor(false);
  });
  afterEach(() => rmSync(fixture.dir, { recursive: true, force: true }));

  it("gets the host's framework and host package but its own test-pkg (seed: loader enabled)", () => {
    const { listing, report } = runFixture(node, fixture, { esm: false, loader: true });
    expect(listing).toEqual(enabledListing(fixture));
    expect(report.testPkgVersion).toBe('2.0.0');
    expect(report.hostTestPkgVersion).toBe('1.0.0');
  });

  it('resolves everything from its own node_modules without the loader (seed: loader disabled)', () => {
    const { listing, report } = runFixture(node, fixture, { esm: false, loader: false });
    expect(listing).toEqual(disabledListing(fixture));
    expect(report.coreCopy).toBe('plugin');
  });

  it('resolves everything from its own node_modules when the loader is disabled by option', () => {
    const { listing, report } = runFixture(node, fixture, { esm: false, loader: true, disabled: true });
    expect(report.enabled).toBe(false);
    expect(listing).toEqual(disabledListing(fixture));
  });

  it.each([
    ['SOME_HOST_CLI_MODULE_LOADER', 'off'],
    ['SOME_HOST_CLI_MODULE_LOADER', '0'],
    ['EDICT_MODULE_LOADER', 'off'],
    ['EDICT_MODULE_LOADER', 'false'],
  ])('resolves everything from its own node_modules when %s=%s', (name, value) => {
    const { listing, report } = runFixture(node, fixture, { esm: false, loader: true }, { [name]: value });
    expect(report.enabled).toBe(false);
    expect(listing).toEqual(disabledListing(fixture));
  });

  it("shares one framework instance with the host: same object, errors are the host's class", () => {
    const { report } = runFixture(node, fixture, { esm: false, loader: true });
    expect(report).toMatchObject({
      sameCore: true,
      coreCopy: 'host',
      errorIsHostClass: true,
      sameHost: true,
    });
    const off = runFixture(node, fixture, { esm: false, loader: false }).report;
    expect(off).toMatchObject({ sameCore: false, errorIsHostClass: false, sameHost: false });
  });

  it("redirects createRequire and honours the host package's export conditions", () => {
    const { report } = runFixture(node, fixture, { esm: false, loader: true });
    expect(report.createRequire).toEqual({ core: hostCore(fixture), same: true });
    expect(report.flavour).toBe(
      join(fixture.hostRoot, 'node_modules', '@edict', 'core', 'lib', 'flavour.cjs'),
    );
    expect(report.flavourValue).toBe('require');
  });

  it("leaves look-alike names (outside a scope pattern) and the host's own code alone", () => {
    const { report } = runFixture(node, fixture, {
      esm: false,
      loader: true,
      injected: ['@edict/core', 'some-host-cli'],
    });
    expect(report.lookAlikes).toEqual([
      pluginFile(fixture, '@edict', 'core-extra', 'index.js'),
      pluginFile(fixture, 'some-host-cli-tools', 'index.js'),
    ]);
    const scoped = runFixture(node, fixture, {
      esm: false,
      loader: true,
      injected: ['@edict/*', 'some-host-cli'],
    }).report;
    expect(scoped.lookAlikes).toEqual([
      join(fixture.hostRoot, 'node_modules', '@edict', 'core-extra', 'index.js'),
      pluginFile(fixture, 'some-host-cli-tools', 'index.js'),
    ]);
    expect(report.hostOtherDepCore).toBe(
      join(
        fixture.hostRoot,
        'node_modules',
        'other-dep',
        'node_modules',
        '@edict',
        'core',
        'lib',
        'index.js',
      ),
    );
  });

  it('falls back to its own copy of an injected name the host does not have', () => {
    const { report } = runFixture(node, fixture, { esm: false, loader: true });
    expect(report.fallback).toBe(pluginFile(fixture, '@edict', 'testing', 'index.js'));
  });

  it('is refused an unexported subpath by an error naming its file and the exported ones', () => {
    const withExports = fixtureFor(false, true);
    try {
      const { report } = runFixture(node, withExports, { esm: false, loader: true });
      const from = join(withExports.pluginRoot, 'index.js');
      expect(report.refused).toEqual({
        code: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
        message:
          `'@edict/core/internal/secret' required by ${from} is not exported by the host's @edict/core` +
          ` (${join(withExports.hostRoot, 'node_modules', '@edict', 'core', 'package.json')}).` +
          ' It exports: @edict/core, @edict/core/lib/error, @edict/core/lib/*, @edict/core/flavour,' +
          ' @edict/core/package.json.',
      });
      expect(report.refusedHost).toEqual({
        code: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
        message:
          `'some-host-cli/secret' required by ${from} is not exported by the host's some-host-cli` +
          ` (${join(withExports.hostRoot, 'package.json')}).` +
          ' It exports: some-host-cli, some-host-cli/lib/*, some-host-cli/package.json.',
      });
    } finally {
      rmSync(withExports.dir, { recursive: true, force: true });
    }
  });

  it('resolves a host with an exports map by self-reference', () => {
    const withExports = fixtureFor(false, true);
    try {
      expect(runFixture(node, withExports, { esm: false, loader: true }).listing).toEqual(
        enabledListing(withExports),
      );
    } finally {
      rmSync(withExports.dir, { recursive: true, force: true });
    }
  });

  it('is redirected when its plugin root is added after the loader was enabled', () => {
    const { listing } = runFixture(node, fixture, { esm: false, loader: true, rootsLater: true });
    expect(listing).toEqual(enabledListing(fixture));
  });

  it(
    'is redirected through a plugin root given as a link (compared ' +
      'by real path), and not from outside the roots',
    () => {
      const link = join(fixture.dir, 'linked-plugin');
      symlinkSync(fixture.pluginRoot, link, 'junction');
      expect(runFixture(node, fixture, { esm: false, loader: true, pluginRoots: [link] }).listing).toEqual(
        enabledListing(fixture),
      );
      const elsewhere = join(fixture.dir, 'elsewhere');
      mkdirSync(elsewhere);
      expect(
        runFixture(node, fixture, { esm: false, loader: true, pluginRoots: [elsewhere] }).listing,
      ).toEqual(disabledListing(fixture));
    },
  );

  it('is no longer redirected after disable()', () => {
    const { listing, report } = runFixture(node, fixture, {
      esm: false,
      loader: true,
      disableBeforeLoad: true,
    });
    expect(report.enabled).toBe(false);
    expect(listing).toEqual(disabledListing(fixture));
  });

  it(
    'prints request, requesting file and resolved file for each redirect ' +
      'with EDICT_MODULE_LOADER_TRACE=1',
    () => {
      const { stderr } = runFixture(
        node,
        fixture,
        { esm: false, loader: true },
        { EDICT_MODULE_LOADER_TRACE: '1' },
      );
      expect(stderr).toContain(
        `require '@edict/core' from ${join(fixture.pluginRoot, 'index.js')} -> ${hostCore(fixture)}\n`,
      );
      expect(stderr).not.toContain("'test-pkg'");
      expect(runFixture(node, fixture, { esm: false, loader: true }).stderr).toBe('');
    },
  );

  it('hands trace events to a callback, marking fallbacks', () => {
    const { report } = runFixture(node, fixture, { esm: false, loader: true, traceCallback: true });
    const from = join(fixture.pluginRoot, 'index.js');
    expect(report.events).toContainEqual({
      request: '@edict/core',
      from,
      resolved: hostCore(fixture),
      kind: 'require',
      fallback: false,
    });
    expect(report.events).toContainEqual({
      request: '@edict/testing',
      from,
      resolved: pluginFile(fixture, '@edict', 'testing', 'index.js'),
      kind: 'require',
      fallback: true,
    });
    expect(report.events.map((event) => event.resolved)).not.toContain(pluginCore(fixture));
  });
});
