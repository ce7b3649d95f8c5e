import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HostInfo } from '../../src/api/host';
import type { CommandNode, CompleterRef } from '../../src/definitions/types';
import { completionCandidates, completionWords } from '../../src/builtins/completion/complete';

const tree: CommandNode[] = [
  {
    kind: 'group',
    name: 'plugins',
    summary: 'p',
    children: [
      {
        name: 'install',
        summary: 'i',
        options: [
          { name: 'registry', type: 'string', summary: 'r' },
          { name: 'mode', aliases: ['m'], type: 'string', summary: 'm', choices: ['fast', 'safe'] },
        ],
        handler: '/x.js',
      },
      { name: 'list', summary: 'l', handler: '/x.js' },
    ],
  },
  {
    name: 'greet',
    summary: 'g',
    positionals: [{ name: 'lang', summary: 'l', choices: ['en', 'fr'] }],
    options: [
      { name: 'shout', type: 'boolean', summary: 's' },
      { name: 'times', type: 'number', summary: 't' },
    ],
    handler: '/x.js',
  },
  { name: 'hidden', summary: 'h', hidden: true, handler: '/x.js' },
];

describe('completion candidates from the definitions', () => {
  it('completes command names at each level, without hidden ones', async () => {
    expect(await completionCandidates(tree, [''])).toEqual(['plugins', 'greet']);
    expect(await completionCandidates(tree, ['plugins', 'l'])).toEqual(['list']);
  });

  it('completes options, option choices and positional choices', async () => {
    expect(await completionCandidates(tree, ['plugins', 'install', '--r'])).toEqual(['--registry']);
    expect(await completionCandidates(tree, ['plugins', 'install', '--mode', ''])).toEqual(['fast', 'safe']);
    expect(await completionCandidates(tree, ['plugins', 'install', '-m', 's'])).toEqual(['safe']);
    expect(await completionCandidates(tree, ['greet', 'f'])).toEqual(['fr']);
  });

  it(
    'completes the value after --opt= as the whole word: choices, ' + 'and true/false for a boolean',
    async () => {
      expect(await completionCandidates(tree, ['plugins', 'install', '--mode='])).toEqual([
        '--mode=fast',
        '--mode=safe',
      ]);
      expect(await completionCandidates(tree, ['greet', '--shout='])).toEqual([
        '--shout=true',
        '--shout=false',
      ]);
      expect(await completionCandidates(tree, ['greet', '--shout=f'])).toEqual(['--shout=false']);
      expect(await completionCandidates(tree, ['greet', '--nope='])).toEqual([]);
    },
  );

  it("does not count an option's value as a positional", async () => {
    expect(await completionCandidates(tree, ['greet', '--times', '3', ''])).toEqual(['en', 'fr']);
    expect(await completionCandidates(tree, ['greet', '--times', ''])).toEqual([]);
    expect(await completionCandidates(tree, ['greet', 'en', ''])).toEqual([]);
  });
});

describe('dynamic completers named by a definition', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'edict-completer-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const host = {
    name: 'mycli',
    envPrefix: 'MYCLI',
    env: {},
    cwd: '/',
    home: '/h',
    dirs: { data: '/h', config: '/h', cache: '/h/cache' },
    version: '1.0.0',
    packageName: 'mycli',
    builtinNames: [],
  } satisfies HostInfo;
  const withCompleter = (complete: CompleterRef): CommandNode[] => [
    {
      name: 'deploy',
      summary: 'd',
      positionals: [{ name: 'env', summary: 'e', complete }],
      options: [{ name: 'region', type: 'string', summary: 'r', complete }],
      handler: '/x.js',
    },
  ];

  it(
    'loads the module only to complete, hands it the partial value ' +
      'and words, and filters what it returns',
    async () => {
      const file = join(dir, 'envs.js');
      writeFileSync(
        file,
        'exports.complete = (r) => ["prod", "preview", "staging", r.current ' +
          '+ "!", r.host.name, r.words.length];\n',
      );
      expect(await completionCandidates(withCompleter(file), ['deploy', 'p'], host)).toEqual([
        'prod',
        'preview',
        'p!',
      ]);
      expect(await completionCandidates(withCompleter(file), ['deploy', '--region=s'], host)).toEqual([
        '--region=staging',
        '--region=s!',
      ]);
      expect(await completionCandidates(withCompleter(file), ['deploy', '--region', 'm'], host)).toEqual([
        'm!',
        'mycli',
      ]);
    },
  );

  it(
    'picks a named export, and completes nothing for a relative path, ' +
      'a missing module or a completer that throws',
    async () => {
      const file = join(dir, 'named.js');
      writeFileSync(
        file,
        'exports.regions = async () => ["eu", "us"];\nexports.complete = () => { throw new Error("no"); };\n',
      );
      expect(
        await completionCandidates(withCompleter({ module: file, export: 'regions' }), ['deploy', ''], host),
      ).toEqual(['eu', 'us']);
      expect(await completionCandidates(withCompleter(file), ['deploy', ''], host)).toEqual([]);
      expect(await completionCandidates(withCompleter('./named.js'), ['deploy', ''], host)).toEqual([]);
      expect(
        await completionCandidates(withCompleter(join(dir, 'missing.js')), ['deploy', ''], host),
      ).toEqual([]);
    },
  );
});

describe('the words __complete is given', () => {
  it(
    'takes the words after -- (bash, zsh, fish), or splits <PREFIX>_COMPLETE_LINE ' +
      'for --line (PowerShell)',
    () => {
      expect(completionWords(['--', 'greet', ''], {}, 'MYCLI')).toEqual(['greet', '']);
      expect(completionWords(['--line'], { MYCLI_COMPLETE_LINE: 'mycli greet --shout=t' }, 'MYCLI')).toEqual([
        'greet',
        '--shout=t',
      ]);
      expect(completionWords(['--line'], {}, 'MYCLI')).toEqual([]);
    },
  );
});
