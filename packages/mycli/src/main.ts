import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCli } from '@edict/core';
import type { Cli, CommandNode, CommandSource } from '@edict/core';
import { sampleCommands } from './commands';

const packageRoot = join(__dirname, '..');
const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };

/** Built-in commands of the host. The plugin commands (`plugins …`) go here. */
const commands: CommandNode[] = [...sampleCommands];

/** Where commands besides the built-ins come from. The installed-plugins source goes here. */
const sources: CommandSource[] = [];

/** The mycli CLI. */
export const cli: Cli = createCli({
  name: 'mycli',
  version,
  description: 'The sample CLI built on Edict.',
  packageName: 'mycli',
  packageRoot,
  commands,
  sources,
});
