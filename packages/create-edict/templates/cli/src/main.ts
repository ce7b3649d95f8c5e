import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCli } from '@edict/core';
import type { Cli } from '@edict/core';
import { installedPlugins, pluginsGroup } from '@edict/plugins';
import { commands } from './commands';

const packageRoot = join(__dirname, '..');
const pkg = readFileSync(join(packageRoot, 'package.json'), 'utf8');
const { version } = JSON.parse(pkg) as { version: string };

/**
 * The {{bin}} CLI: its own commands, the `plugins` command group, and the commands of installed
 * plugins (read from one index file, only when a run needs the command tree).
 */
export const cli: Cli = createCli({
  name: '{{bin}}',
  version,
  description: {{descriptionJson}},
  packageName: '{{name}}',
  packageRoot,
  commands: [...commands, pluginsGroup()],
  sources: [installedPlugins()],
});
