import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { disabledListing, enabledListing, hostCore, pluginFile } from './helpers/expected';
import type { Fixture } from './helpers/fixture-tree';
import { nodeBinaries } from './helpers/node-binaries';
import { fixtureFor, runFixture } from './helpers/run-fixture';

/** registerHooks exists from Node 22.15 (and 23.5); older Node gets module.register. */
function expectedHookApi(node: string): string {
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim().slice(1);
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 15) ? 'registerHooks' : 'register';
}

describe.each(nodeBinaries)(
  'an ESM plugin (static import, import(), import.meta.resolve) on %s',
  (_label, binary) => {
    let node: string;
    let fixture: Fixture;
    beforeAll(() => {
      node = binary();
    });
    beforeEach(() => {
      fixture = fixtureFor(true);
    });
    afterEach(() => rmSync(fixture.dir, { recursive: true, force: true }));

    it("gets the host's framework and host package but its own test-pkg (seed: loader enabled)", () => {
      const { listing, report } = runFixture(node, fixture, { esm: true, loader: true });
      expect(report.esmHookApi).toBe(expectedHookApi(node));
      expect(listing).toEqual(enabledListing(fixture));
      expect(report.testPkgVersion).toBe('2.0.0');
      expect(report.hostTestPkgVersion).toBe('1.0.0');
    });

    it('resolves everything from its own node_modules without the loader (seed: loader disabled)', () => {
      const { listing, report } = runFixture(node, fixture, { esm: true, loader: false });
      expect(listing).toEqual(disabledListing(fixture));
      expect(report.coreCopy).toBe('plugin');
    });

    it('resolves everything from its own node_modules when disabled by option or environment', () => {
      expect(runFixture(node, fixture, { esm: true, loader: true, disabled: true }).listing).toEqual(
        disabledListing(fixture),
      );
      const byEnv = runFixture(
        node,
        fixture,
        { esm: true, loader: true },
        { SOME_HOST_CLI_MODULE_LOADER: 'off' },
      );
      expect(byEnv.report).toMatchObject({ enabled: false });
      expect(byEnv.listing).toEqual(disabledListing(fixture));
    });

    it('shares one framework instance with the host across import, import() and require', () => {
      const { report } = runFixture(node, fixture, { esm: true, loader: true });
      expect(report).toMatchObject({
        sameCore: true,
        coreCopy: 'host',
        errorIsHostClass: true,
        sameHost: true,
        dynamicSame: true,
      });
      const off = runFixture(node, fixture, { esm: true, loader: false }).report;
      expect(off).toMatchObject({ sameCore: false, errorIsHostClass: false, sameHost: false });
    });

    it("redirects createRequire and honours the host package's import condition", () => {
      const { report } = runFixture(node, fixture, { esm: true, loader: true });
      expect(report.createRequire).toEqual({ core: hostCore(fixture), same: true });
      expect(report.flavour).toBe(
        join(fixture.hostRoot, 'node_modules', '@edict', 'core', 'lib', 'flavour.mjs'),
      );
      expect(report.flavourValue).toBe('import');
    });

    it(
      'leaves look-alike names alone and falls back to its own copy ' + 'of an injected name the host lacks',
      () => {
        const { report } = runFixture(node, fixture, {
          esm: true,
          loader: true,
          injected: ['@edict/core', 'some-host-cli'],
        });
        expect(report.lookAlikes).toEqual([
          pluginFile(fixture, '@edict', 'core-extra', 'index.js'),
          pluginFile(fixture, 'some-host-cli-tools', 'index.js'),
        ]);
        expect(runFixture(node, fixture, { esm: true, loader: true }).report.fallback).toBe(
          pluginFile(fixture, '@edict', 'testing', 'index.js'),
        );
      },
    );

    it('is refused an unexported subpath by an error naming its file and the exported ones', () => {
      const { report } = runFixture(node, fixture, { esm: true, loader: true });
      const message =
        `'@edict/core/internal/secret' imported by ${join(fixture.pluginRoot, 'index.js')} is not exported` +
        ` by the host's @edict/core (${join(fixture.hostRoot, 'node_modules/@edict/core/package.json')}).` +
        ' It exports: @edict/core, @edict/core/lib/error, @edict/core/lib/*, @edict/core/flavour,' +
        ' @edict/core/package.json.';
      const refusal = { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED', message };
      expect({ resolve: report.refused, import: report.refusedImport }).toEqual({
        resolve: refusal,
        import: refusal,
      });
    });

    it('is redirected when its plugin root is added after enableEsm()', () => {
      const { listing, report } = runFixture(node, fixture, { esm: true, loader: true, rootsLater: true });
      expect(listing).toEqual(enabledListing(fixture));
      expect(report.sameCore).toBe(true);
    });

    it(
      'is redirected through a plugin root given as a link (compared ' +
        'by real path), and not from outside the roots',
      () => {
        const link = join(fixture.dir, 'linked-plugin');
        symlinkSync(fixture.pluginRoot, link, 'junction');
        expect(runFixture(node, fixture, { esm: true, loader: true, pluginRoots: [link] }).listing).toEqual(
          enabledListing(fixture),
        );
        const elsewhere = join(fixture.dir, 'elsewhere');
        mkdirSync(elsewhere);
        expect(
          runFixture(node, fixture, { esm: true, loader: true, pluginRoots: [elsewhere] }).listing,
        ).toEqual(disabledListing(fixture));
      },
    );

    it('is no longer redirected after disable()', () => {
      const { listing } = runFixture(node, fixture, { esm: true, loader: true, disableBeforeLoad: true });
      expect(listing).toEqual(disabledListing(fixture));
    });

    it(
      'prints request, requesting file and resolved file for each redirect ' +
        'with EDICT_MODULE_LOADER_TRACE=1',
      () => {
        const { stderr } = runFixture(
          node,
          fixture,
          { esm: true, loader: true },
          { EDICT_MODULE_LOADER_TRACE: '1' },
        );
        const from = join(fixture.pluginRoot, 'index.js');
        expect(stderr).toContain(`import '@edict/core' from ${from} -> ${hostCore(fixture)}\n`);
        expect(stderr).toContain(`require '@edict/core' from ${from} -> ${hostCore(fixture)}\n`);
        expect(stderr).not.toContain("'test-pkg'");
      },
    );
  },
);
