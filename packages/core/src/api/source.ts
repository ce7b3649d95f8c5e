import type { CommandNode } from '../definitions/types';
import type { ProfileTypeDefinition } from '../profiles/types';
import type { HostInfo } from './host';

/** What a command source produces: command nodes to merge, and warnings to print on stderr. */
export interface SourceResult {
  commands: CommandNode[];
  warnings: string[];
  /** Profile types the source's plugins declare. */
  profileTypes?: ProfileTypeDefinition[];
}

/**
 * A lazily read provider of commands (for instance the installed plugins' index). Sources are
 * loaded only when a run needs the command tree (not for `--version`). Their nodes are merged
 * after the built-ins, in source order; a node whose name or alias is taken is skipped with a warning.
 */
export interface CommandSource {
  name: string;
  load(host: HostInfo): SourceResult | Promise<SourceResult>;
}
