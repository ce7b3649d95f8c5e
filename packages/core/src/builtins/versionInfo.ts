import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What `<cli> version` and `<cli> --version --debug` report. */
export interface VersionInfo {
  name: string;
  version: string;
  /** The version of @edict/core running the CLI. */
  framework: string;
  node: string;
  platform: string;
  arch: string;
  /** The same facts as lines of text. */
  message: string;
}

/** The CLI's version with the framework's, Node's and the platform's (read only when asked for). */
export function versionInfo(name: string, version: string): VersionInfo {
  // lib/builtins/versionInfo.js (and src/builtins under ts-jest) → the package root.
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    version?: unknown;
  };
  const framework = typeof pkg.version === 'string' ? pkg.version : 'unknown';
  const facts = {
    name,
    version,
    framework,
    node: process.version,
    platform: process.platform,
    arch: process.arch,
  };
  const message = [
    `${name} ${version}`,
    `@edict/core ${framework}`,
    `node ${facts.node} (${facts.platform}-${facts.arch})`,
  ].join('\n');
  return { ...facts, message };
}
