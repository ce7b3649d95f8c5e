import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_LIB, requireBuilt, write } from './childCli';

/**
 * Writes a small CLI named `kit` into `dir` that exercises every option type and rule. Its
 * handlers return their args, so `--json` shows exactly what the engine parsed.
 */
export function writeKitCli(dir: string): string {
  requireBuilt(CORE_LIB);
  mkdirSync(join(dir, 'esm'), { recursive: true });
  write(
    join(dir, 'echo.js'),
    `exports.handler = (ctx) => ({ args: ctx.args, commandPath: ctx.commandPath, json: ctx.json });\n`,
  );
  write(join(dir, 'boom.js'), `module.exports = () => { throw new Error('kaboom'); };\n`);
  write(
    join(dir, 'fail.js'),
    `const { EdictError } = require(${JSON.stringify(CORE_LIB)}` +
      `);\nexports.default = () => { throw new EdictError('EDICT_TEST_FAIL', ` +
      `'It failed on purpose.', { hint: 'kit fail --never' }); };\n`,
  );
  write(join(dir, 'esm', 'package.json'), `{ "type": "module" }\n`);
  write(
    join(dir, 'esm', 'hello.js'),
    `export default function (ctx) { ctx.out.text('esm ' + ctx.args.who); return { esm: true }; }\n`,
  );
  write(join(dir, 'mjs.mjs'), `export function handler() { return 'from mjs'; }\n`);
  write(
    join(dir, 'progress.js'),
    `exports.handler = (ctx) => { const s = ctx.out.spinner('working'); ` +
      `s.update('still'); s.stop(); const p = ctx.out.progress('bar'); ` +
      `p.update('half', 0.5); p.stop('done'); ctx.out.table([{ a: 1, ` +
      `b: 'x' }]); ctx.out.text(ctx.out.color.red('red')); return { ` +
      `colorEnabled: ctx.out.colorEnabled }; };\n`,
  );
  const script =
    `
const { createCli, runMain } = require(${JSON.stringify(CORE_LIB)}` +
    `);
const fs = require('fs');
const path = require('path');
const ` +
    `h = (f) => path.join(__dirname, f);
const allTypes = [
  { name: ` +
    `'str', type: 'string', summary: 'A string' },
  { name: 'num', ` +
    `aliases: ['n'], type: 'number', summary: 'A number' },
  { name: ` +
    `'flag', type: 'boolean', summary: 'A boolean on by default', ` +
    `default: true },
  { name: 'tag', aliases: ['t'], type: 'array', ` +
    `summary: 'Tags', choices: ['x', 'y', 'z'] },
  { name: 'verbose', ` +
    `aliases: ['v'], type: 'count', summary: 'More output' },
  { ` +
    `name: 'level', type: 'string', summary: 'A level', choices: ` +
    `['low', 'high'], default: 'low' },
  { name: 'dry-run', type: ` +
    `'boolean', summary: 'Do nothing' },
  { name: 'secret', type: ` +
    `'string', summary: 'Hidden', hidden: true, env: 'KIT_SECRET_VALUE' ` +
    `},
  { name: 'local', type: 'string', summary: 'No env, no config', ` +
    `env: false, config: false },
];
const source = {
  name: 'test-source',
 ` +
    ` load(host) {
    if (process.env.KIT_MARKER) fs.writeFileSync(process.env.KIT_MARKER, ` +
    `host.home);
    if (!process.env.KIT_SOURCE) return { commands: ` +
    `[], warnings: [] };
    return { warnings: ['source says hi'], ` +
    `commands: [
      { name: 'extra', summary: 'From the source', ` +
    `handler: h('echo.js') },
      { name: 'echo', summary: 'Clashes ` +
    `with a built-in', handler: h('echo.js') },
    ] };
  },
};
const ` +
    `cli = createCli({
  name: 'kit', version: '9.9.9', description: ` +
    `'A test CLI.', packageRoot: __dirname, sources: [source],
  ` +
    `commands: [
    { name: 'echo', aliases: ['e'], summary: 'Echo ` +
    `parsed args', options: allTypes,
      positionals: [
      ` +
    `  { name: 'word', summary: 'A word', choices: ['a', 'b'] },
 ` +
    `       { name: 'num-pos', summary: 'A number', type: 'number' ` +
    `},
        { name: 'rest', summary: 'The rest', variadic: true ` +
    `},
      ],
      examples: [{ command: 'kit echo a 1 --tag ` +
    `x', description: 'Echo things' }],
      handler: 'echo.js' ` +
    `},
    { name: 'rules', summary: 'Option rules', handler: h('echo.js'), ` +
    `options: [
      { name: 'need', type: 'string', summary: 'Required', ` +
    `required: true },
      { name: 'user', type: 'string', summary: ` +
    `'User', implies: ['password'] },
      { name: 'password', type: ` +
    `'string', summary: 'Password' },
      { name: 'quiet', type: ` +
    `'boolean', summary: 'Quiet', conflicts: ['loud'] },
      { ` +
    `name: 'loud', type: 'boolean', summary: 'Loud' },
      { name: ` +
    `'old', type: 'string', summary: 'Old', deprecated: { replacement: ` +
    `'new-name' } },
      { name: 'new-name', type: 'string', summary: ` +
    `'New' },
    ] },
    { kind: 'group', name: 'tools', aliases: ` +
    `['tl'], summary: 'A group', options: [{ name: 'region', type: ` +
    `'string', summary: 'Region' }],
      children: [
        { ` +
    `name: 'run', summary: 'Run a tool', positionals: [{ name: 'tool', ` +
    `summary: 'Tool', required: true }], handler: h('echo.js') },
 ` +
    `       { kind: 'group', name: 'deep', summary: 'Nested', children: ` +
    `[{ name: 'down', summary: 'Down', handler: h('echo.js') }] },
 ` +
    `     ] },
    { name: 'boom', summary: 'Throws a plain Error', ` +
    `handler: h('boom.js') },
    { name: 'fail', summary: 'Throws ` +
    `an EdictError', handler: h('fail.js') },
    { name: 'esm', ` +
    `summary: 'ESM handler', positionals: [{ name: 'who', summary: ` +
    `'Who', required: true }], handler: h('esm/hello.js') },
    ` +
    `{ name: 'mjs', summary: 'mjs handler', handler: h('mjs.mjs') ` +
    `},
    { name: 'missing', summary: 'Handler file absent', handler: ` +
    `h('nope.js') },
    { name: 'fn', summary: 'Function ref', handler: ` +
    `() => ({ handler: (ctx) => ({ fromFn: ctx.host.name }) }) },
 ` +
    `   { name: 'progress', summary: 'Progress, table, colour', handler: ` +
    `h('progress.js') },
  ],
});
runMain(cli);
`;
  return write(join(dir, 'kit.js'), script);
}
