import type { CommandNode } from '../../src/definitions/types';
import { mergeTree } from '../../src/tree/mergeTree';

const cmd = (name: string, aliases: string[] = []): CommandNode => ({
  name,
  aliases,
  summary: name,
  handler: '/x.js',
});

describe('merging command sources', () => {
  it('keeps the first claim of a name or alias and warns once per skipped node', () => {
    const { tree, warnings } = mergeTree(
      [cmd('config'), cmd('greet', ['hi'])],
      [
        { name: 'plugin a', commands: [cmd('hi'), cmd('deploy', ['d'])] },
        { name: 'plugin b', commands: [cmd('d'), cmd('zap')] },
      ],
    );
    expect(tree.map((n) => n.name)).toEqual(['config', 'greet', 'deploy', 'zap']);
    expect(warnings).toEqual([
      'Command "hi" from plugin a was skipped: the name "hi" is already taken.',
      'Command "d" from plugin b was skipped: the name "d" is already taken.',
    ]);
  });
});
