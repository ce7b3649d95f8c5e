import { resolve } from 'node:path';

/**
 * The credential store account of a secure property: `<absolute config file path>:<profile>.<property>`
 * (`/home/u/.config/mycli/mycli.config.json:dev.greeter.token`); the service is the CLI name.
 */
export function secureAccount(file: string, profile: string, property: string): string {
  return `${resolve(file)}:${profile}.${property}`;
}
