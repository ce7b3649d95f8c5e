import { CreateError } from './errors';

/** What validate-npm-package-name (npm's own check; it ships no types) answers. */
interface NameVerdict {
  validForNewPackages: boolean;
  errors?: string[];
  warnings?: string[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const validatePackageName = require('validate-npm-package-name') as (name: string) => NameVerdict;

const COMMAND_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * Throws unless npm accepts `name` for a new package (validate-npm-package-name, as npm itself
 * checks): the message lists npm's reasons, such as `http is a core module name`.
 */
export function checkPackageName(name: string, flag: string): string {
  const verdict = validatePackageName(name);
  if (!verdict.validForNewPackages) {
    const reasons = [...(verdict.errors ?? []), ...(verdict.warnings ?? [])];
    throw new CreateError(
      'EDICT_CREATE_BAD_NAME',
      `"${name}" is not a valid npm package name: ${reasons.join('; ')}.`,
      {
        hint: `npm create edict my-project -- ${flag} my-project`,
        usage: true,
      },
    );
  }
  return name;
}

/** Throws unless `name` can be typed as a command (`my-cli`). */
export function checkCommandName(name: string, flag: string): string {
  if (!COMMAND_NAME.test(name)) {
    throw new CreateError(
      'EDICT_CREATE_BAD_NAME',
      `"${name}" is not a valid command name (a lower case letter, then letters, digits or -).`,
      {
        hint: `npm create edict my-project -- ${flag} my-command`,
        usage: true,
      },
    );
  }
  return name;
}

/** A package name from a folder name: `My Tool` → `my-tool`. */
export function packageNameFromFolder(folder: string): string {
  return folder
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^[-._~]+|-+$/g, '');
}

/** `@acme/deploy-cli` → `deploy-cli`. */
export function unscoped(name: string): string {
  return name.replace(/^@[^/]+\//, '');
}

/** The plugin's top-level command from its name: `mycli-plugin-deploy` / `@acme/deploy-plugin` → `deploy`. */
export function commandFromPluginName(name: string, host: string): string {
  const base = unscoped(name);
  const stripped = base
    .replace(new RegExp(`^${host.replace(/[^a-z0-9]/g, '\\$&')}-`), '')
    .replace(/^plugin-/, '')
    .replace(/-plugin$/, '')
    .replace(/[^a-z0-9-]/g, '-');
  return COMMAND_NAME.test(stripped) ? stripped : 'hello';
}

/** `MY_CLI` for `my-cli`, as the framework derives environment variable prefixes. */
export function envPrefix(command: string): string {
  return command.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}
