import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCli } from '@edict/core';
import type { Cli, CommandNode, CommandSource } from '@edict/core';
import { installedPlugins, pluginsGroup } from '@edict/plugins';
import { sampleCommands } from './commands';
import { profileTypes } from './profileTypes';

const packageRoot = join(__dirname, '..');
const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
  version: string;
};

/** Built-in commands of the host, with `plugins install|list|…` from the plugin manager. */
const commands: CommandNode[] = [...sampleCommands, pluginsGroup()];

/** Commands besides the built-ins: those of installed and linked plugins, read from one index. */
const sources: CommandSource[] = [installedPlugins()];

/** The mycli CLI. */
export const cli: Cli = createCli({
  name: 'mycli',
  version,
  description: 'The sample CLI built on Edict.',
  packageName: 'mycli',
  packageRoot,
  commands,
  sources,
  profileTypes,
});
