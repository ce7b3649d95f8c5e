import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatePlugin } from '../../src/validate/validatePlugin';
import { makeDirs, type TestDirs } from '../helpers/env';
import { HOST, writePlugin } from '../helpers/fixtures';

let dirs: TestDirs;
beforeEach(() => {
  dirs = makeDirs('validate');
});
afterEach(() => dirs.cleanup());

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

test('a well-formed CommonJS, ESM or JSON plugin has no errors and no warnings', async () => {
  for (const f of [{ type: 'commonjs' as const }, { type: 'module' as const }, { json: true }]) {
    const root = writePlugin(dirs.fixtures, {
      name: `mycli-plugin-${f.type ?? 'json'}`,
      version: '1.0.0',
      ...f,
    });
    const r = await validatePlugin(root, HOST);
    expect([r.errors, r.warnings]).toEqual([[], []]);
    expect(r.definitions!.commands.map((c) => c.name)).toEqual([f.type ?? 'json']);
  }
});

test('reports a missing edict field, a missing handler and a collision with a built-in', async () => {
  expect(
    codes(
      (
        await validatePlugin(
          writePlugin(dirs.fixtures, { name: 'mycli-plugin-none', version: '1.0.0', noEdict: true }),
          HOST,
        )
      ).errors,
    ),
  ).toEqual(['NOT_A_PLUGIN']);
  const missing = await validatePlugin(
    writePlugin(dirs.fixtures, { name: 'mycli-plugin-miss', version: '1.0.0', missingHandler: true }),
    HOST,
  );
  expect(missing.errors.map((e) => e.message)).toEqual([
    expect.stringContaining('handler file ./handlers/nope.js does not exist ('),
  ]);
  const clash = await validatePlugin(
    writePlugin(dirs.fixtures, { name: 'mycli-plugin-cfg', version: '1.0.0', group: 'plugins' }),
    HOST,
  );
  expect(clash.errors).toEqual([
    { code: 'COLLISION', message: 'command "plugins" is already provided by the CLI itself' },
  ]);
  const other = await validatePlugin(
    writePlugin(dirs.fixtures, { name: 'mycli-plugin-dup', version: '1.0.0', group: 'x' }),
    HOST,
    { taken: new Map([['x', 'mycli-plugin-x']]) },
  );
  expect(other.errors.map((e) => e.message)).toEqual([
    'command "x" is already provided by plugin mycli-plugin-x',
  ]);
});

test(
  'reports a host outside the peer range as an error and injected ' + 'packages in dependencies as warnings',
  async () => {
    const root = writePlugin(dirs.fixtures, {
      name: 'mycli-plugin-old',
      version: '1.0.0',
      peerDependencies: { '@edict/core': '^0.1.0', mycli: '^0.0.1' },
      dependencies: { '@edict/core': '^0.1.0', mycli: '^0.1.0' },
    });
    const r = await validatePlugin(root, HOST);
    expect(r.errors).toEqual([
      { code: 'INCOMPATIBLE', message: 'mycli ^0.0.1 is required but this is mycli 0.1.0' },
    ]);
    expect(codes(r.warnings)).toEqual(['INJECTED_DEPENDENCY', 'INJECTED_DEPENDENCY']);
  },
);

test(
  'reports definitions that fail to load or are not an array, and ' + 'a handler outside the plugin',
  async () => {
    const root = writePlugin(dirs.fixtures, { name: 'mycli-plugin-odd', version: '1.0.0', noManifest: true });
    const file = join(root, 'commands.js');
    writeFileSync(file, 'exports.commands = { not: "an array" };');
    expect((await validatePlugin(root, HOST)).errors.map((e) => e.message)).toEqual([
      expect.stringContaining('"commands" must be an array of command nodes'),
    ]);
    writeFileSync(file, 'throw new Error("broken on purpose")');
    expect((await validatePlugin(root, HOST)).errors.map((e) => e.message)).toEqual([
      expect.stringContaining('broken on purpose'),
    ]);
    writeFileSync(file, `exports.commands = [{ name: 'esc', summary: 's', handler: '../../etc/passwd' }];`);
    expect((await validatePlugin(root, HOST)).errors.map((e) => e.message)).toEqual([
      expect.stringContaining('"handler" must be a path relative to the plugin root'),
    ]);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    writeFileSync(
      join(root, 'package.json'),
      JSON.stringify({ ...pkg, edict: { commands: './commands.js', hooks: { onBoot: './x.js' } } }),
    );
    expect((await validatePlugin(root, HOST)).errors.map((e) => e.message)).toEqual([
      'unknown hook "onBoot" (known: postInstall, preUninstall, init)',
    ]);
  },
);
