import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatePlugin } from '../../src/validate/validatePlugin';
import { commonJsUseIn } from '../../src/validate/moduleFormat';
import { makeDirs, type TestDirs } from '../helpers/env';
import { HOST, writePlugin } from '../helpers/fixtures';

let dirs: TestDirs;
beforeEach(() => {
  dirs = makeDirs('syntax');
});
afterEach(() => dirs.cleanup());

/** A plugin of `type` whose handlers/run.js is `source`; its validation errors. */
async function errorsWith(type: 'commonjs' | 'module', source: string, file = 'handlers/run.js') {
  const root = writePlugin(dirs.fixtures, { name: `mycli-plugin-${type}`, version: '1.0.0', type });
  writeFileSync(join(root, file), source);
  return (await validatePlugin(root, HOST)).errors;
}

test('a CommonJS handler with a syntax error is an error naming file:line:column and the line', async () => {
  const errors = await errorsWith('commonjs', `exports.handler = async () => {\n  const x = 1 +;\n};\n`);
  expect(errors).toEqual([
    {
      code: 'SYNTAX',
      message: "handlers/run.js:2:16: SyntaxError: Unexpected token ';' in `const x = 1 +;`",
    },
  ]);
});

test('an ES module handler with a syntax error is an error naming file:line:column and line', async () => {
  const errors = await errorsWith('module', `import { x } from 'node:path';\n\n  foo bar;\n`);
  expect(errors).toEqual([
    {
      code: 'SYNTAX',
      message: "handlers/run.js:3:7: SyntaxError: Unexpected identifier 'bar' in `foo bar;`",
    },
  ]);
});

test('require() or module.exports in an ES module handler is a module-format error', async () => {
  const required = await errorsWith(
    'module',
    `export const handler = () => {\n  return require('node:fs');\n};\n`,
  );
  expect(required.map((e) => e.code)).toEqual(['MODULE_FORMAT']);
  expect(required[0]!.message).toContain(
    'handlers/run.js:2:10: require() is not defined in an ES module (Node loads it as ESM because ' +
      `its package.json says "type": "module") in \`return require('node:fs');\``,
  );
  const exported = await errorsWith('module', `// module.exports in a comment\nmodule.exports = {};\n`);
  expect(exported.map((e) => e.message.split(': ')[0])).toEqual(['handlers/run.js:2:1']);
});

test('import in a handler Node loads as CommonJS is a module-format error saying why', async () => {
  const root = writePlugin(dirs.fixtures, { name: 'mycli-plugin-cjs', version: '1.0.0', type: 'commonjs' });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ ...pkgOf(root), type: 'commonjs' }));
  writeFileSync(join(root, 'handlers', 'run.js'), `import fs from 'node:fs';\nexport const handler = 1;\n`);
  const { errors } = await validatePlugin(root, HOST);
  expect(errors.map((e) => e.code)).toEqual(['MODULE_FORMAT']);
  expect(errors[0]!.message).toContain('handlers/run.js:1:1: SyntaxError: Cannot use import statement');
  expect(errors[0]!.message).toContain('its package.json says "type": "commonjs"');
});

test('a hook file with a syntax error is an error too', async () => {
  const root = writePlugin(dirs.fixtures, {
    name: 'mycli-plugin-hook',
    version: '1.0.0',
    postInstall: 'marker',
  });
  writeFileSync(join(root, 'hooks', 'postInstall.js'), `exports.postInstall = () => {;\n`);
  const { errors } = await validatePlugin(root, HOST);
  expect(errors.map((e) => e.code)).toEqual(['SYNTAX']);
  expect(errors[0]!.message).toMatch(/^hooks\/postInstall\.js:2:1: SyntaxError: Unexpected end of input/);
});

test('valid handlers stay clean: createRequire, names in strings and comments, a #! line', async () => {
  const esm = [
    `import { createRequire } from 'node:module';`,
    `const require = createRequire(import.meta.url);`,
    `export const handler = () => require('node:fs');`,
  ].join('\n');
  expect(await errorsWith('module', esm)).toEqual([]);
  expect(await errorsWith('module', `// require('x')\nexport const h = "module.exports = 1";\n`)).toEqual([]);
  expect(
    await errorsWith('commonjs', `#!/usr/bin/env node\nexports.handler = () => require('fs');\n`),
  ).toEqual([]);
});

test('commonJsUseIn ignores methods named require and finds exports.x =', () => {
  expect(commonJsUseIn(`ctx.require('x'); const a = { b: 1 };`)).toBeUndefined();
  expect(commonJsUseIn(`const a = 1;\n  exports.handler = a;`)).toEqual({
    what: 'exports.',
    line: 2,
    column: 3,
  });
});

function pkgOf(root: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
}
