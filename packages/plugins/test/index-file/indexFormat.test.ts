import type { CommandNode } from '@edict/core';
import { parseIndex, serializeIndex } from '../../src/index-file/indexFormat';
import { lazyTopNodes } from '../../src/runtime/lazyNodes';
import type { PluginIndex } from '../../src/types';

const commands: CommandNode[] = [
  {
    kind: 'group',
    name: 'deploy',
    aliases: ['d'],
    summary: 'Deploy things',
    children: [
      {
        name: 'now',
        summary: 'Deploy now',
        options: [{ name: 'force', type: 'boolean', summary: 'Force' }],
        handler: '/p/now.js',
      },
    ],
  },
  { name: 'ping', summary: 'Ping', hidden: true, handler: '/p/ping.js' },
];
const index: PluginIndex = {
  version: 4,
  hostName: 'mycli',
  hostVersion: '0.1.0',
  recordStamp: '1:2',
  warnings: ['w'],
  plugins: [
    {
      name: 'p',
      version: '1.0.0',
      root: '/p',
      moduleType: 'commonjs',
      commands,
      hooks: { init: '/p/init.js' },
    },
  ],
};

describe('index.json format', () => {
  it('round-trips every plugin entry with its commands', () => {
    const back = parseIndex(serializeIndex(index))!;
    expect(back.plugins[0]!.commands).toEqual(commands);
    expect({ ...back, plugins: back.plugins.map(({ top: _top, ...p }) => p) }).toEqual(index);
    expect(back.plugins[0]!.top).toEqual([
      { kind: 'group', name: 'deploy', aliases: ['d'], summary: 'Deploy things' },
      { name: 'ping', summary: 'Ping', hidden: true },
    ]);
  });

  it("parses a plugin's definitions only when they are first read", () => {
    const text = serializeIndex(index);
    const bodyStart = text.indexOf('\n') + 1;
    const back = parseIndex(`${text.slice(0, bodyStart)}!${text.slice(bodyStart + 1)}`)!;
    expect(back.plugins[0]!.top?.map((t) => t.name)).toEqual(['deploy', 'ping']);
    expect(() => back.plugins[0]!.commands).toThrow(SyntaxError);
  });

  it('finds each plugin by byte offset, with non-ASCII text before it', () => {
    const other: CommandNode[] = [{ name: 'café', summary: 'Déjà vu ☕ 🚀', handler: '/q/café.js' }];
    const two: PluginIndex = {
      ...index,
      plugins: [{ ...index.plugins[0]!, name: 'q', commands: other }, index.plugins[0]!],
    };
    const back = parseIndex(Buffer.from(serializeIndex(two)))!;
    expect(back.plugins[1]!.commands).toEqual(commands);
    expect(back.plugins[0]!.commands).toEqual(other);
  });

  it('keeps the definitions out of the header, unescaped', () => {
    const text = serializeIndex(index);
    const header = text.slice(0, text.indexOf('\n'));
    expect(header).not.toContain('/p/now.js');
    expect(text.slice(header.length + 1)).toBe(JSON.stringify(commands));
  });

  it('treats an index of another format version, a broken header or a cut-off body as unusable', () => {
    const text = serializeIndex(index);
    expect(parseIndex(text.replace('"version":4', '"version":3'))).toBeUndefined();
    // the previous format: one JSON document, no body
    expect(parseIndex(JSON.stringify({ version: 2, plugins: [] }))).toBeUndefined();
    expect(parseIndex('{"version": 3, "plugins": [tru\n')).toBeUndefined();
    expect(parseIndex(text.slice(0, -5))).toBeUndefined();
  });
});

describe('lazy top-level nodes', () => {
  it(
    'answers name, aliases and summary from the index and the rest ' +
      'from the definitions, parsed once on demand',
    () => {
      const entry = parseIndex(serializeIndex(index))!.plugins[0]!;
      let finished = 0;
      const nodes = lazyTopNodes(entry, (n) => {
        finished += 1;
        return n;
      });
      expect(nodes.map((n) => [n.name, n.aliases, n.summary])).toEqual([
        ['deploy', ['d'], 'Deploy things'],
        ['ping', undefined, 'Ping'],
      ]);
      expect(finished).toBe(0);
      const group = nodes[0] as { children: readonly CommandNode[] };
      expect(group.children[0]!.name).toBe('now');
      expect((nodes[1] as { handler: string }).handler).toBe('/p/ping.js');
      expect(finished).toBe(2);
    },
  );
});
