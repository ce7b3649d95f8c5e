import type { CommandNode } from '../../src/definitions/types';
import { renderHelp } from '../../src/help/renderHelp';

const tree: CommandNode[] = [
  {
    kind: 'group',
    name: 'plugins',
    summary: 'Manage plugins',
    children: [
      {
        name: 'install',
        aliases: ['add'],
        summary: 'Install a plugin',
        positionals: [{ name: 'spec', summary: 'What to install', required: true, variadic: true }],
        options: [
          {
            name: 'registry',
            type: 'string',
            summary: 'The registry to install from when it is not the one in your npm configuration',
            default: 'local',
          },
        ],
        examples: [{ command: 'app plugins install hello', description: 'Install hello' }],
        handler: '/x.js',
      },
      { name: 'secret', summary: 'Hidden', hidden: true, handler: '/x.js' },
    ],
  },
];
const render = (path: CommandNode[], columns = 80): string =>
  renderHelp({
    cliName: 'app',
    description: 'An app.',
    envPrefix: 'APP',
    tree,
    path,
    columns,
    heading: (s) => s,
    term: (s) => s,
  });

describe('help rendering', () => {
  it('lists commands at the root and in a group, without hidden ones', () => {
    expect(render([])).toContain('Usage: app <command>');
    const group = render([tree[0] as CommandNode]);
    expect(group).toContain('Usage: app plugins <command>');
    expect(group).toContain('install');
    expect(group).not.toContain('secret');
  });

  it('shows a command’s usage, arguments, options with type/default/env, aliases and examples', () => {
    const group = tree[0] as CommandNode & { children: CommandNode[] };
    const text = render([group, group.children[0] as CommandNode]);
    expect(text).toContain('Usage: app plugins install <spec...> [options]');
    expect(text).toContain('--registry <string>');
    expect(text).toContain('[default: "local"]');
    expect(text).toContain('[env: APP_OPT_REGISTRY]');
    expect(text).toContain('Aliases:\n  add');
    expect(text).toContain('  app plugins install hello\n      Install hello');
  });

  it('wraps every line to the terminal width', () => {
    const group = tree[0] as CommandNode & { children: CommandNode[] };
    for (const columns of [50, 80]) {
      const lines = render([group, group.children[0] as CommandNode], columns).split('\n');
      expect(lines.filter((l) => l.length > columns)).toEqual([]);
    }
  });
});
