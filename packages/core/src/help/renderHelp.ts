import type { CommandDefinition, CommandNode } from '../definitions/types';
import { isGroup } from '../definitions/types';
import { commandOptions } from '../parsing/commandOptions';
import { GLOBAL_OPTIONS } from '../routing/globalFlags';
import {
  commandUsage,
  exampleCommand,
  optionDescription,
  optionTerm,
  positionalDescription,
  positionalTerm,
} from './describe';
import { twoColumns, wrap } from './wrap';

/** What help needs to know about the CLI and the terminal. */
export interface HelpInput {
  cliName: string;
  description?: string;
  envPrefix: string;
  tree: readonly CommandNode[];
  /** Nodes from the top level to the node whose help is shown (empty: root help). */
  path: readonly CommandNode[];
  columns: number;
  /** Styles headings (bold when colour is on). */
  heading: (s: string) => string;
  /** Styles command and option names. */
  term: (s: string) => string;
}

/** Help text for the root, a group or a command. */
export function renderHelp(input: HelpInput): string {
  const node = input.path[input.path.length - 1];
  const names = [input.cliName, ...input.path.map((n) => n.name)];
  const width = input.columns;
  const lines: string[] = [];
  const section = (title: string, body: string[]): void => {
    if (body.length === 0) return;
    lines.push('', input.heading(`${title}:`), ...body);
  };
  const children = node === undefined ? input.tree : isGroup(node) ? node.children : undefined;
  const options = node === undefined ? [] : commandOptions(input.path).filter((o) => !o.hidden);

  if (children)
    lines.push(
      `${input.heading('Usage:')} ${names.join(' ')} <command>${options.length ? ' [options]' : ''}`,
    );
  else lines.push(`${input.heading('Usage:')} ${commandUsage(names, node as CommandDefinition, true)}`);
  const about = node === undefined ? input.description : (node.description ?? node.summary);
  if (about) lines.push('', ...wrap(about, width));
  if (node?.aliases?.length) section('Aliases', [`  ${node.aliases.join(', ')}`]);
  if (children) {
    const rows = children
      .filter((c) => !c.hidden)
      .map((c): [string, string] => [
        c.name + (isGroup(c) ? ' …' : ''),
        c.summary + (c.aliases?.length ? ` [aliases: ${c.aliases.join(', ')}]` : ''),
      ]);
    section('Commands', twoColumns(rows, width, input.term));
  } else {
    const positionals = (node as CommandDefinition).positionals ?? [];
    section(
      'Arguments',
      twoColumns(
        positionals.map((p): [string, string] => [positionalTerm(p), positionalDescription(p)]),
        width,
        input.term,
      ),
    );
  }
  section(
    'Options',
    twoColumns(
      options.map((o): [string, string] => [optionTerm(o), optionDescription(o, input.envPrefix)]),
      width,
      input.term,
    ),
  );
  const globals = GLOBAL_OPTIONS.filter((g) => node === undefined || !g.rootOnly);
  section(
    'Global options',
    twoColumns(
      globals.map((g): [string, string] => [[g.short, g.flag].filter(Boolean).join(', '), g.summary]),
      width,
      input.term,
    ),
  );
  const examples = node?.examples ?? [];
  section(
    'Examples',
    examples.flatMap((e) => [
      `  ${exampleCommand(e.command, input.cliName)}`,
      ...wrap(e.description, width - 6).map((l) => `      ${l}`),
    ]),
  );
  if (children) lines.push('', `Run \`${names.join(' ')} <command> --help\` for help on a command.`);
  return `${lines.join('\n')}\n`;
}
