import { isEdictError } from '@edict/core';
import type { EdictError } from '../errors';
import { codeOf, messageOf, pluginError, PluginErrorCodes } from '../errors';

/** Turns an error from pacote/arborist/npm-registry-fetch into an EdictError with the facts. */
export function explainNpmError(thrown: unknown, spec: string, hostName: string): EdictError {
  const err = unwrap(thrown);
  const code = codeOf(err);
  const message = messageOf(err);
  const details = { spec, npmCode: code };
  if (isEdictError(err)) return err;
  if (code === 'E404' || code === 'ETARGET' || code === 'ENOENT' || code === 'ENOTDIR') {
    const local = code === 'ENOENT' || code === 'ENOTDIR';
    return pluginError(PluginErrorCodes.PACKAGE_NOT_FOUND, `Cannot find ${spec}: ${message}`, {
      hint: local ? `Check the path, then run: ${hostName} plugins install <folder or .tgz>` : `${hostName} plugins search <term>`,
      details,
      cause: err,
    });
  }
  if (code === 'EINTEGRITY') {
    return pluginError(PluginErrorCodes.INTEGRITY, `The tarball of ${spec} does not match its recorded integrity: ${message}`, {
      hint: 'npm cache verify',
      details,
      cause: err,
    });
  }
  if (code === 'E401' || code === 'E403' || code === 'ENEEDAUTH') {
    return pluginError(PluginErrorCodes.FETCH_FAILED, `The registry refused access to ${spec} (${code}): ${message}`, {
      hint: 'npm login',
      details,
      cause: err,
    });
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
