/**
 * The redirect decision: given a request and the file that made it, what (if anything) to
 * resolve from the host instead. Shared by the CommonJS patch and both ESM hook flavours.
 */
import { join, sep } from 'node:path';
import { isInjectedRequest, packageNameOf } from './injected';

/** Everything the decision needs; plain data so it can be posted to the hooks thread. */
export interface RedirectConfig {
  /** Real path of the host package folder. */
  hostRoot: string;
  /** A (never existing) file in `hostRoot` used as the parent of redirected requests. */
  anchorFile: string;
  /** The host's own package name, from its package.json. */
  hostName: string | undefined;
  /** Whether the host's package.json has `exports`, which makes self-reference work. */
  hostHasExports: boolean;
  /** Exact package names and `@scope/*` patterns. */
  injected: string[];
  /** Real paths of the folders whose code gets redirected. */
  pluginRoots: string[];
}

/** What to resolve from the host anchor instead of the original request. */
export type RedirectPlan =
  | { kind: 'request'; request: string }
  /** The host itself without `exports`: resolve this absolute path the CommonJS way. */
  | { kind: 'path'; path: string };

/** True when `file` (a real path) lies inside one of `roots`. */
export function isInsideRoots(file: string, roots: readonly string[]): boolean {
  return roots.some((root) => file === root || file.startsWith(root.endsWith(sep) ? root : root + sep));
}

/**
 * The plan for `request` made by `fromFile`, or `undefined` to leave it alone: requests from
 * outside the plugin roots, and requests that do not name an injected package, are untouched.
 */
export function planRedirect(
  request: string,
  fromFile: string | undefined,
  config: RedirectConfig,
): RedirectPlan | undefined {
  if (fromFile === undefined || !isInjectedRequest(request, config.injected)) return undefined;
  if (!isInsideRoots(fromFile, config.pluginRoots)) return undefined;
  const name = packageNameOf(request);
  if (name !== undefined && name === config.hostName && !config.hostHasExports) {
    // Self-reference needs `exports`; without it the host is found by its folder instead.
    return { kind: 'path', path: join(config.hostRoot, request.slice(name.length)) };
  }
  return { kind: 'request', request };
}
