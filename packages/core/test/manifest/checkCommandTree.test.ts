import { checkCommandTree } from '../../src/manifest/checkCommandTree';

const hello = { name: 'hello', summary: 'Say hello', handler: './lib/hello.js' };

describe('checkCommandTree', () => {
  it('returns a valid tree as a deep copy of plain data', () => {
    const tree = [
      {
        kind: 'group',
        name: 'greet',
        aliases: ['g'],
        summary: 'Greetings',
        options: [{ name: 'loud', type: 'boolean', summary: 'x' }],
        children: [hello],
      },
    ];
    const { commands, errors } = checkCommandTree(tree);
    expect(errors).toEqual([]);
    expect(commands).toEqual(tree);
    expect(commands[0]).not.toBe(tree[0]);
    expect((commands[0] as { children: readonly unknown[] }).children[0]).not.toBe(hello);
  });

  it('keeps the profile types a command uses, and names each malformed use', () => {
    const uses = { ...hello, profile: { required: ['greeter'], optional: ['base'] } };
    expect(checkCommandTree([uses])).toEqual({ commands: [uses], errors: [] });
    const bad = [
      { ...hello, profile: ['greeter'] },
      { ...hello, name: 'b', profile: { required: 'greeter', also: [] } },
      { kind: 'group', name: 'g', summary: 's', profile: {}, children: [] },
    ];
    expect(checkCommandTree(bad).errors).toEqual([
      'command 0 "hello": "profile" must be an object: { "required": [...], "optional": [...] }',
      'command 1 "b": "profile" has an unknown field "also" (known: required, optional)',
      'command 1 "b": "profile.required" must be an array of profile type names (lower-case words)',
      'command 2 "g": "profile" belongs on commands, not on groups',
    ]);
  });

  it('refuses a value that is not an array of nodes', () => {
    expect(checkCommandTree({ commands: [] }).errors).toEqual([
      '"commands" must be an array of command nodes',
    ]);
    expect(checkCommandTree([42]).errors).toEqual(['command 0: must be an object']);
  });

  it('names the node of each problem, down through groups', () => {
    const tree = [
      {
        kind: 'group',
        name: 'hello',
        summary: 'x',
        children: [hello, { name: 'x', summary: 'y', handler: '../../etc/x.js' }],
      },
    ];
    const { commands, errors } = checkCommandTree(tree);
    expect(errors).toEqual([
      'command 0 "hello" › child 1 "x": "handler" must be a path relative to the plugin root',
    ]);
    expect(commands).toEqual([{ kind: 'group', name: 'hello', summary: 'x', children: [hello] }]);
  });

  it.each([['/abs/hello.js'], ['C:\\plugin\\hello.js'], ['lib/../../hello.js'], ['..\\hello.js']])(
    'refuses the handler path %s, which is absolute or leaves the plugin root',
    (handler) => {
      expect(checkCommandTree([{ ...hello, handler }]).errors).toEqual([
        'command 0 "hello": "handler" must be a path relative to the plugin root',
      ]);
    },
  );

  it('accepts a handler path that goes up and comes back inside the root', () => {
    expect(checkCommandTree([{ ...hello, handler: 'lib/../handlers/hello.js' }]).errors).toEqual([]);
  });

  it('refuses a function handler: handlers are paths, loaded only when their command runs', () => {
    expect(checkCommandTree([{ ...hello, handler: () => undefined }]).errors).toEqual([
      'command 0 "hello": "handler" must be a path; handlers are loaded only when their command runs',
    ]);
    expect(checkCommandTree([{ name: 'hello', summary: 'x', handler: '' }]).errors).toEqual([
      'command 0 "hello": "handler" must be a non-empty string, a path relative to the plugin root',
    ]);
  });

  it('reports every problem of a node: name, summary, aliases, kind, options, positionals', () => {
    expect(
      checkCommandTree([
        {
          name: 'two words',
          aliases: ['ok', '-x'],
          options: [{ type: 'string' }],
          positionals: 'name',
          handler: 'a.js',
        },
      ]).errors,
    ).toEqual([
      'command 0 "two words": "name" must be a word of letters, digits and dashes',
      'command 0 "two words": "summary" must be a string',
      'command 0 "two words": "aliases" must be an array of words of letters, digits and dashes',
      'command 0 "two words": options 0 must be an object with a string "name"',
      'command 0 "two words": "positionals" must be an array',
    ]);
    expect(checkCommandTree([{ kind: 'plugin', name: 'p', summary: 'x' }]).errors).toEqual([
      'command 0 "p": "kind" must be "group" or "command"',
    ]);
    expect(checkCommandTree([{ kind: 'group', name: 'g', summary: 'x' }]).errors).toEqual([
      'command 0 "g": a group must have a "children" array',
    ]);
  });

  it('refuses a group that contains itself instead of looping', () => {
    const group: Record<string, unknown> = { kind: 'group', name: 'loop', summary: 'x', children: [] };
    group.children = [group];
    expect(checkCommandTree([group]).errors).toEqual(['command 0 "loop" › child 0 "loop": contains itself']);
  });
});
