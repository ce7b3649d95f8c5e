import { isEdictError, shellWord } from '@edict/core';
import type { EdictError } from '../errors';
import { codeOf, messageOf, pluginError, PluginErrorCodes } from '../errors';
import type { NpmOptions } from '../types';
import { STALLED_CODE } from './transferGuard';

// Codes of a registry that accepted the connection and then did not answer in time.
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'EIDLETIMEOUT',
  'ERESPONSETIMEOUT',
  'ETRANSFERTIMEOUT',
  'ECONNECTIONTIMEOUT',
  STALLED_CODE,
]);
const TIMEOUT_TYPES = new Set(['request-timeout', 'body-timeout']);
// OpenSSL's verification codes (Node's `err.code` for a certificate it does not trust) and Node's own.
const CERT_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REVOKED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'INVALID_CA',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** What is wrong with the registry's certificate, in words, by its code. */
function certProblem(code: string): string {
  if (code === 'CERT_HAS_EXPIRED') return 'has expired';
  if (code === 'CERT_NOT_YET_VALID') return 'is not valid yet';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH')
    return 'is for another host name';
  if (code === 'CERT_REVOKED') return 'has been revoked';
  return 'is signed by a certificate authority this machine does not trust';
}

/** The first URL in an error message (minipass-fetch names the request's URL in its messages). */
function urlIn(message: string): URL | undefined {
  const match = /https?:\/\/[^\s`'"]+/.exec(message);
  try {
    return match ? new URL(match[0]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns an error from pacote/arborist/npm-registry-fetch into an EdictError with the facts.
 * `npmOptions` (the config the request ran with) lets a timeout name its limit.
 */
export function explainNpmError(
  thrown: unknown,
  spec: string,
  hostName: string,
  npmOptions?: NpmOptions,
): EdictError {
  const err = unwrap(thrown);
  const code = codeOf(err);
  const message = messageOf(err);
  const details = { spec, npmCode: code };
  if (isEdictError(err)) return err;
  const type = (err as { type?: unknown } | null)?.type;
  if ((code && TIMEOUT_CODES.has(code)) || (typeof type === 'string' && TIMEOUT_TYPES.has(type))) {
    const url = urlIn(message);
    const where = url ? ` at ${url.host}` : '';
    const limit =
      typeof npmOptions?.timeout === 'number' ? ` within ${npmOptions.timeout / 1000} s` : ' in time';
    const what = code === STALLED_CODE ? `sent too little data${limit}` : `did not answer${limit}`;
    return pluginError(PluginErrorCodes.FETCH_FAILED, `The registry${where} ${what} (fetching ${spec}).`, {
      hint:
        'Check the registry server, or raise the limits: npm config set fetch-timeout 600000 ' +
        '(and npm config set fetch-retries 5)',
      details: { ...details, ...(url ? { url: url.href } : {}) },
      cause: err,
    });
  }
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    const url = urlIn(message);
    const where = url ? ` at ${url.origin}` : '';
    const why =
      code === 'ECONNREFUSED'
        ? 'refused the connection'
        : code === 'ECONNRESET'
          ? 'closed the connection'
          : 'could not be found';
    return pluginError(
      PluginErrorCodes.FETCH_FAILED,
      `The registry${where} ${why} (${code}, fetching ${spec}).`,
      {
        hint:
          'Check that the registry server is running, and which registry ' +
          'npm uses: npm config get registry',
        details: { ...details, ...(url ? { url: url.href } : {}) },
        cause: err,
      },
    );
  }
  if (code && CERT_CODES.has(code)) {
    const url = urlIn(message);
    const where = url ? ` at ${url.origin}` : '';
    return pluginError(
      PluginErrorCodes.FETCH_FAILED,
      `The certificate of the registry${where} ${certProblem(code)} (${code}, fetching ${spec}).`,
      {
        hint:
          'If your network or registry uses its own certificate authority, ' +
          'give npm its certificate: npm config set cafile /path/to/ca.pem ' +
          '(npm config set strict-ssl false turns the check off)',
        details: { ...details, ...(url ? { url: url.href } : {}) },
        cause: err,
      },
    );
  }
  if (code === 'E404' || code === 'ETARGET' || code === 'ENOENT' || code === 'ENOTDIR') {
    const local = code === 'ENOENT' || code === 'ENOTDIR';
    return pluginError(PluginErrorCodes.PACKAGE_NOT_FOUND, `Cannot find ${spec}: ${message}`, {
      hint: local
        ? `Check the path: ls -ld ${shellWord(spec.replace(/^file:/, ''))}`
        : `${hostName} plugins search ${shellWord(spec.replace(/(?<=.)@.*$/, ''))}`,
      details,
      cause: err,
    });
  }
  if (code === 'EINTEGRITY') {
    return pluginError(
      PluginErrorCodes.INTEGRITY,
      `The tarball of ${spec} does not match its recorded integrity: ${message}`,
      {
        hint: 'npm cache verify',
        details,
        cause: err,
      },
    );
  }
  if (code === 'E401' || code === 'E403' || code === 'ENEEDAUTH') {
    return pluginError(
      PluginErrorCodes.FETCH_FAILED,
      `The registry refused access to ${spec} (${code}): ${message}`,
      {
        hint: 'npm login',
        details,
        cause: err,
      },
    );
  }
  return pluginError(PluginErrorCodes.FETCH_FAILED, `Could not fetch ${spec}: ${message}`, {
    hint: 'npm ping',
    details,
    cause: err,
  });
}

/** Streams re-throw an unhandled 'error' event as ERR_UNHANDLED_ERROR with the real error as `context`. */
function unwrap(err: unknown): unknown {
  let current = err;
  for (let i = 0; i < 5 && codeOf(current) === 'ERR_UNHANDLED_ERROR'; i++) {
    const inner = (current as { context?: unknown }).context;
    if (!(inner instanceof Error)) break;
    current = inner;
  }
  return current;
}
