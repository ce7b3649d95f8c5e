import type { CommandNode } from '../../src/definitions/types';
import { completionCandidates } from '../../src/builtins/complete';

const tree: CommandNode[] = [
  { kind: 'group', name: 'plugins', summary: 'p', children: [
    { name: 'install', summary: 'i', options: [{ name: 'registry', type: 'string', summary: 'r' }, { name: 'mode', type: 'string', summary: 'm', choices: ['fast', 'safe'] }], handler: '/x.js' },
    { name: 'list', summary: 'l', handler: '/x.js' },
  ] },
  { name: 'greet', summary: 'g', positionals: [{ name: 'lang', summary: 'l', choices: ['en', 'fr'] }], handler: '/x.js' },
  { name: 'hidden', summary: 'h', hidden: true, handler: '/x.js' },
];

describe('completion candidates from the definitions', () => {
  it('completes command names at each level, without hidden ones', () => {
    expect(completionCandidates(tree, [''])).toEqual(['plugins', 'greet']);
    expect(completionCandidates(tree, ['plugins', 'l'])).toEqual(['list']);
  });

  it('completes options, option choices and positional choices', () => {
    expect(completionCandidates(tree, ['plugins', 'install', '--r'])).toEqual(['--registry']);
    expect(completionCandidates(tree, ['plugins', 'install', '--mode', ''])).toEqual(['fast', 'safe']);
    expect(completionCandidates(tree, ['greet', 'f'])).toEqual(['fr']);
  });
});
