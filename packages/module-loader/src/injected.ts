/**
 * Which requests name an injected package. Pure string logic, shared by the CommonJS patch and
 * the ESM hooks (including the off-thread hook module), so it must stay dependency-free.
 */

/**
 * The package name a bare request starts with (`@edict/core/lib/x` → `@edict/core`,
 * `mycli/lib/y` → `mycli`), or `undefined` for relative, absolute, URL, `#import` and
 * `node:` requests, which never name an installed package.
 */
export function packageNameOf(request: string): string | undefined {
  if (request === '' || request.startsWith('.') || request.startsWith('/') || request.startsWith('#'))
    return undefined;
  if (request.includes(':') || request.includes('\\')) return undefined;
  const parts = request.split('/');
  if (request.startsWith('@')) {
    return parts.length >= 2 && parts[0] !== '@' && parts[1] !== '' ? `${parts[0]}/${parts[1]}` : undefined;
  }
  return parts[0];
}

/**
 * True when `name` is matched by one pattern: an exact package name (`mycli`) or a scope
 * pattern (`@edict/*`, every package of that scope).
 */
export function matchesInjectedPattern(name: string, pattern: string): boolean {
  if (pattern.endsWith('/*') && pattern.startsWith('@')) return name.startsWith(pattern.slice(0, -1));
  return name === pattern;
}

/**
 * True when `request` is an injected package or a subpath of one: `@edict/core`,
 * `@edict/core/lib/errors`, `mycli/lib/y` with `injected = ['@edict/*', 'mycli']`.
 * Look-alikes (`@edict-x/core`, `mycli-tools`) and relative or absolute paths are not.
 */
export function isInjectedRequest(request: string, injected: readonly string[]): boolean {
  const name = packageNameOf(request);
  return name !== undefined && injected.some((pattern) => matchesInjectedPattern(name, pattern));
}
