import { dirname } from 'node:path';
import { shellWord } from '@edict/core';
import { codeOf, messageOf, pluginError, PluginErrorCodes, type EdictError } from '../errors';
import type { Holder } from './lockOwner';

/** EDICT_PLUGINS_LOCKED for a lock held by `holder`, with a hint the user can follow. */
export function lockedError(lock: string, holder: Holder, hostName: string): EdictError {
  const details = { lockFile: lock, holder };
  if (holder.state === 'unreadable') {
    return pluginError(
      PluginErrorCodes.LOCKED,
      `Another plugin operation is taking the lock ${lock} (its owner cannot be read yet).`,
      {
        hint: 'Run the command again in a few seconds.',
        details,
      },
    );
  }
  const who = `${holder.operation}, pid ${holder.pid} on host ${holder.host}, started ${holder.startedAt}`;
  if (holder.state === 'other-host') {
    return pluginError(
      PluginErrorCodes.LOCKED,
      `Another plugin operation holds the lock ${lock}` +
        ` (${who}). A lock taken on another host is never taken ` +
        `over, because its process cannot be checked from here.`,
      {
        hint:
          `If no ${hostName} process runs on ${holder.host}` +
          `, remove ${lock}` +
          ` (rm -r ${shellWord(lock)}), then run the command again.`,
        details,
      },
    );
  }
  return pluginError(PluginErrorCodes.LOCKED, `Another plugin operation is running (${who}); lock ${lock}.`, {
    hint: `Wait for pid ${holder.pid} (${holder.operation}) to finish, then run the command again.`,
    details,
  });
}

/** The plugins lock could not be taken after this many attempts because others kept taking it over. */
export function contendedError(lock: string, attempts: number): EdictError {
  return pluginError(
    PluginErrorCodes.LOCKED,
    `Could not take the lock ${lock} in ${attempts} attempts: other processes took it at the same moment.`,
    {
      hint: 'Run the command again.',
      details: { lockFile: lock },
    },
  );
}

/**
 * EDICT_PLUGINS_FS for a file-system failure at `path` while taking or releasing the lock (`action` says
 * which).
 */
export function lockFsError(action: string, path: string, err: unknown): EdictError {
  const dir = shellWord(dirname(path));
  const code = codeOf(err);
  let hint: string;
  if (code === 'EACCES' || code === 'EPERM') hint = `Check that you may write to ${dir} (ls -ld ${dir}).`;
  else if (code === 'EROFS')
    hint = `${dir} is on a read-only file system: use a plugins folder on a writable one.`;
  else if (code === 'ENOTDIR')
    hint = `A part of ${shellWord(path)} is a file, not a folder: move that file away.`;
  else if (code === 'ENOSPC' || code === 'EDQUOT')
    hint = 'The disk is full: free some space, then run the command again.';
  else hint = `Check ${dir} (ls -la ${dir}), then run the command again.`;
  return pluginError(PluginErrorCodes.FS, `Cannot ${action} ${path}: ${messageOf(err)}`, {
    hint,
    details: { path, ...(code ? { errno: code } : {}) },
    cause: err,
  });
}

/** EDICT_PLUGINS_FS for something at the lock's path that is neither a lock folder nor a lock file. */
export function foreignLockError(lock: string, hostName: string): EdictError {
  return pluginError(
    PluginErrorCodes.FS,
    `${lock} is neither a lock folder nor a lock file, so the plugins folder cannot be locked.`,
    {
      hint:
        `If no ${hostName} process is running, remove it (rm ${shellWord(lock)}` +
        `), then run the command again.`,
      details: { lockFile: lock },
    },
  );
}
