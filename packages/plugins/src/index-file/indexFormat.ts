import type { CommandNode } from '@edict/core';
import type { IndexTopNode, PluginIndex, PluginIndexEntry } from '../types';

/** The format version this code writes and reads; an index of another version is rebuilt. */
export const INDEX_VERSION = 5;

/** One plugin as stored in the header: its top-level names, and where its definitions are in the body. */
type StoredEntry = Omit<PluginIndexEntry, 'commands' | 'top'> & {
  top: IndexTopNode[];
  definitions: [offset: number, length: number];
};
type StoredIndex = Omit<PluginIndex, 'plugins'> & { plugins: StoredEntry[] };

function topOf(node: CommandNode): IndexTopNode {
  return {
    ...(node.kind ? { kind: node.kind } : {}),
    name: node.name,
    ...(node.aliases?.length ? { aliases: node.aliases } : {}),
    summary: node.summary,
    ...(node.hidden ? { hidden: true } : {}),
  };
}

/**
 * `index.json` text: one line of JSON (the header: every plugin's top-level names, and the byte
 * offset and length of its definitions), a newline, then each plugin's definitions as JSON, one
 * after another. A run decodes and parses the header only, and the definitions of the one plugin
 * it routes into (see {@link parseIndex}), so 100 installed plugins cost little more than none.
 * JSON.stringify never writes a raw newline, so the first one ends the header.
 */
export function serializeIndex(index: PluginIndex): string {
  let offset = 0;
  const bodies: string[] = [];
  const plugins = index.plugins.map(({ commands, top: _top, ...rest }): StoredEntry => {
    const json = JSON.stringify(commands);
    const length = Buffer.byteLength(json);
    bodies.push(json);
    offset += length;
    return { ...rest, top: commands.map(topOf), definitions: [offset - length, length] };
  });
  const stored: StoredIndex = { ...index, version: INDEX_VERSION, plugins };
  return `${JSON.stringify(stored)}\n${bodies.join('')}`;
}

function isRange(value: unknown, size: number): value is [number, number] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    Number.isInteger(value[0]) &&
    Number.isInteger(value[1]) &&
    value[0] >= 0 &&
    value[1] >= 0 &&
    value[0] + value[1] <= size
  );
}

/**
 * The index in `content`, with each plugin's `commands` decoded and parsed on first access;
 * undefined if unusable (not this format version, a broken header, definitions outside the file).
 */
export function parseIndex(content: Buffer | string): PluginIndex | undefined {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  const headerEnd = bytes.indexOf(0x0a);
  if (headerEnd < 0) return undefined;
  let stored: StoredIndex;
  try {
    stored = JSON.parse(bytes.toString('utf8', 0, headerEnd)) as StoredIndex;
  } catch {
    return undefined;
  }
  if (!stored || stored.version !== INDEX_VERSION || !Array.isArray(stored.plugins)) return undefined;
  const body = headerEnd + 1;
  if (!stored.plugins.every((p) => isRange(p?.definitions, bytes.length - body))) return undefined;
  const plugins = stored.plugins.map(({ definitions: [offset, length], ...rest }): PluginIndexEntry => {
    let commands: CommandNode[] | undefined;
    const entry = { ...rest } as PluginIndexEntry;
    Object.defineProperty(entry, 'commands', {
      enumerable: true,
      configurable: true,
      get: () =>
        (commands ??= JSON.parse(
          bytes.toString('utf8', body + offset, body + offset + length),
        ) as CommandNode[]),
    });
    return entry;
  });
  return { ...stored, plugins };
}
