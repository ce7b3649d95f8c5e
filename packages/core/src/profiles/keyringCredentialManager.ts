import { EdictError } from '../errors/EdictError';
import type { CredentialManager } from './types';

type Keyring = typeof import('@napi-rs/keyring');

/** Thrown when there is no credential store to use; says how to give the value instead. */
export function credentialsUnavailable(service: string, account: string, cause: unknown): EdictError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const prefix = service.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  return new EdictError(
    'EDICT_CREDENTIALS_UNAVAILABLE',
    `The OS credential store cannot be used (${reason}), so the secure value ${account} cannot be ` +
      'read or saved. Secure values are never written to a file instead.',
    {
      hint:
        `Give the value with its flag (--<option> <value>) or environment variable (${prefix}` +
        `_OPT_<OPTION>), ` +
        'or start a Secret Service (such as gnome-keyring) in your session',
      details: { service, account, reason },
    },
  );
}

/**
 * The default credential manager: the OS credential store through `@napi-rs/keyring` (loaded on
 * first use), entries under `service` (the CLI name) and the given account. On Linux it uses the
 * Secret Service only, never the kernel keyring, which loses values at logout. A store that
 * cannot be reached (no D-Bus session, no Secret Service) gives EDICT_CREDENTIALS_UNAVAILABLE.
 */
export function keyringCredentialManager(service: string): CredentialManager {
  let keyring: Keyring | undefined;
  async function call<T>(account: string, use: (entry: import('@napi-rs/keyring').AsyncEntry) => Promise<T>) {
    try {
      // A native module: only secure values need it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      keyring ??= require('@napi-rs/keyring') as Keyring;
      return await use(new keyring.AsyncEntry(service, account, { linux: { store: 'secret-service' } }));
    } catch (err) {
      throw credentialsUnavailable(service, account, err);
    }
  }
  return {
    name: 'the OS credential store',
    load: async (account) => (await call(account, (e) => e.getPassword())) ?? undefined,
    save: (account, value) => call(account, (e) => e.setPassword(value)),
    delete: (account) => call(account, (e) => e.deletePassword()),
  };
}
