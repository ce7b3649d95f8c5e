import type { CredentialManager } from './types';

/**
 * The credential manager of a run when the host gives none: the OS credential store, its
 * native module loaded on the first secure value read or written.
 */
export function defaultCredentialManager(cliName: string): CredentialManager {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only runs with secure values need it
  const { keyringCredentialManager } = require('./keyringCredentialManager') as {
    keyringCredentialManager: (service: string) => CredentialManager;
  };
  return keyringCredentialManager(cliName);
}
